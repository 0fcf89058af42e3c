import { Edit, SimpleForm, TextInput, useTranslate } from "react-admin";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { ProposalStatusInput } from "../engagement/engagementEnums";
import { ProposalFields } from "./ProposalForm";

export const ProposalEdit = () => {
  const translate = useTranslate();
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <ProposalFields />
        <ProposalStatusInput source="status" />
        <JalaliDateInput source="statusOn" helperText={translate("hamafza.proposals.statusOnHelp")} />
        <TextInput source="response" multiline fullWidth />
      </SimpleForm>
    </Edit>
  );
};
