import Stack from "@mui/material/Stack";
import {
  FunctionField,
  Labeled,
  ReferenceField,
  required,
  Show,
  TextField,
  TextInput,
  useTranslate,
} from "react-admin";
import { FieldOfActivityCodeField } from "../common/FieldOfActivityCode";
import { JalaliDateField } from "../common/JalaliDateField";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { ProposalStatusChip, ProposalStatusInput } from "../engagement/engagementEnums";
import { InboxActions, responseDays } from "../engagement/InboxParts";
import { Section } from "../meetings/MeetingShow";
import { RequestHistoryField } from "../agencyAnswers/RequestHistoryField";

/** The agency's dated answer: accepted, rejected, under review or implemented. */
const ProposalActions = () => {
  const translate = useTranslate();
  return (
    <InboxActions resource="proposals" initialStatus="SUBMITTED">
      <ProposalStatusInput source="status" label={translate("hamafza.common.status")} validate={required()} />
      <JalaliDateInput source="statusOn" label={translate("hamafza.common.date")} validate={required()} notInFuture />
      <TextInput source="response" label="hamafza.common.agencyResponse" multiline fullWidth />
    </InboxActions>
  );
};

export const ProposalShow = () => (
  <Show actions={<ProposalActions />}>
    <Stack sx={{ p: 2 }}>
      <Section title="hamafza.proposals.proposal">
        <Stack direction="row" flexWrap="wrap" gap={3}>
          <Labeled>
            <TextField source="topic" />
          </Labeled>
          <Labeled>
            <ReferenceField source="ngoId" reference="ngos" link="show" />
          </Labeled>
          <Labeled>
            <ReferenceField source="agencyId" reference="agencies" link={false} emptyText="—" />
          </Labeled>
          <Labeled>
            <TextField source="councilName" emptyText="—" />
          </Labeled>
          <Labeled>
            <FieldOfActivityCodeField source="fieldCode" emptyText="—" />
          </Labeled>
          <Labeled>
            <ReferenceField source="meetingId" reference="meetings" link="show" emptyText="—" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="submittedOn" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="dueOn" />
          </Labeled>
          <Labeled>
            <ProposalStatusChip source="status" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="reviewStartedOn" emptyText="—" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="respondedOn" emptyText="—" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="implementedOn" emptyText="—" />
          </Labeled>
          <Labeled>
            <FunctionField source="responseDays" render={responseDays} />
          </Labeled>
          <Labeled fullWidth>
            <TextField source="summary" emptyText="—" />
          </Labeled>
          <Labeled fullWidth>
            <TextField source="response" emptyText="—" />
          </Labeled>
          <Labeled fullWidth label="hamafza.agencyAnswers.row.history">
            <RequestHistoryField />
          </Labeled>
        </Stack>
      </Section>
    </Stack>
  </Show>
);
