import Stack from "@mui/material/Stack";
import { FunctionField, Labeled, ReferenceField, required, Show, TextField, TextInput } from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { ProposalStatusChip, ProposalStatusInput } from "../engagement/engagementEnums";
import { InboxActions, responseDays } from "../engagement/InboxParts";
import { Section } from "../meetings/MeetingShow";

/** The agency's dated answer: accepted, rejected, under review or implemented. */
const ProposalActions = () => (
  <InboxActions resource="proposals" initialStatus="SUBMITTED">
    <ProposalStatusInput source="status" label="وضعیت" validate={required()} />
    <JalaliDateInput source="statusOn" label="تاریخ" validate={required()} notInFuture />
    <TextInput source="response" label="پاسخ دستگاه" multiline fullWidth />
  </InboxActions>
);

export const ProposalShow = () => (
  <Show actions={<ProposalActions />}>
    <Stack sx={{ p: 2 }}>
      <Section title="طرح پیشنهادی">
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
            <TextField source="fieldCode" emptyText="—" />
          </Labeled>
          <Labeled>
            <ReferenceField source="meetingId" reference="meetings" link="show" emptyText="—" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="submittedOn" />
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
        </Stack>
      </Section>
    </Stack>
  </Show>
);
