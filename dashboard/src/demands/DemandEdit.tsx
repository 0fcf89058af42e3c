import { Edit, SimpleForm, TextInput } from "react-admin";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { DemandStatusInput } from "../engagement/engagementEnums";
import { DemandFields } from "./DemandForm";

export const DemandEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <DemandFields />
      <DemandStatusInput source="status" />
      <JalaliDateInput source="respondedOn" />
      <TextInput source="response" multiline fullWidth />
    </SimpleForm>
  </Edit>
);
