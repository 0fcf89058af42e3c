import { Edit, SimpleForm, TextInput } from "react-admin";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { ProposalStatusInput } from "../engagement/engagementEnums";
import { ProposalFields } from "./ProposalForm";

export const ProposalEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <ProposalFields />
      <ProposalStatusInput source="status" />
      <JalaliDateInput source="statusOn" helperText="تاریخ تغییر وضعیت (بررسی، پاسخ یا اجرا)" />
      <TextInput source="response" multiline fullWidth />
    </SimpleForm>
  </Edit>
);
