import { Edit, SimpleForm } from "react-admin";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { GroupFields } from "./WorkingGroupForm";

export const WorkingGroupEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <GroupFields />
      <JalaliDateInput source="dissolvedOn" />
    </SimpleForm>
  </Edit>
);
