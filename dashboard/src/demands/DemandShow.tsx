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
import { JalaliDateField } from "../common/JalaliDateField";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { DemandStatusChip, DemandStatusInput } from "../engagement/engagementEnums";
import { InboxActions, responseDays } from "../engagement/InboxParts";
import { Section } from "../meetings/MeetingShow";
import { RequestHistoryField } from "../agencyAnswers/RequestHistoryField";

/** The agency's dated answer: its status, date and text. */
const DemandActions = () => {
  const translate = useTranslate();
  return (
    <InboxActions resource="demands" initialStatus="RAISED">
      <DemandStatusInput source="status" label={translate("hamafza.common.status")} validate={required()} />
      <JalaliDateInput source="respondedOn" label={translate("hamafza.demands.responseDate")} notInFuture />
      <TextInput source="response" label="hamafza.common.response" multiline fullWidth />
    </InboxActions>
  );
};

export const DemandShow = () => (
  <Show actions={<DemandActions />}>
    <Stack sx={{ p: 2 }}>
      <Section title="hamafza.demands.demand">
        <Stack direction="row" flexWrap="wrap" gap={3}>
          <Labeled>
            <TextField source="title" />
          </Labeled>
          <Labeled>
            <TextField source="topic.name" label="resources.demands.fields.topicId" />
          </Labeled>
          <Labeled>
            <ReferenceField source="ngoId" reference="ngos" link="show" />
          </Labeled>
          <Labeled>
            <ReferenceField source="agencyId" reference="agencies" link={false} emptyText="—" />
          </Labeled>
          <Labeled>
            <ReferenceField source="meetingId" reference="meetings" link="show" emptyText="—" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="raisedOn" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="dueOn" />
          </Labeled>
          <Labeled>
            <DemandStatusChip source="status" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="respondedOn" emptyText="—" />
          </Labeled>
          <Labeled>
            <FunctionField source="responseDays" render={responseDays} />
          </Labeled>
          <Labeled fullWidth>
            <TextField source="description" emptyText="—" />
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
