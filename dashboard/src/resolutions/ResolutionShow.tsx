import Stack from "@mui/material/Stack";
import {
  ArrayField,
  Datagrid,
  EditButton,
  Labeled,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { AttachmentsPanel } from "../attachments/AttachmentsPanel";
import { JalaliDateField } from "../common/JalaliDateField";
import { PersonNameField } from "../common/PersonNameField";
import { FollowUpChip, ResolutionStatusField } from "../engagement/engagementEnums";
import { ResolutionProgressButton } from "../meetings/MeetingParts";
import { Section } from "../meetings/MeetingShow";

const ResolutionActions = () => {
  const record = useRecordContext();
  if (!record || record.locked) return <TopToolbar />;
  return (
    <TopToolbar>
      <ResolutionProgressButton />
      <EditButton />
    </TopToolbar>
  );
};

export const ResolutionShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<ResolutionActions />}>
      <Stack sx={{ p: 2 }}>
        <Section title="hamafza.common.resolution">
          <Stack direction="row" flexWrap="wrap" gap={3}>
            <Labeled fullWidth>
              <TextField source="text" />
            </Labeled>
            <Labeled>
              <ReferenceField source="meetingId" reference="meetings" link="show" />
            </Labeled>
            <Labeled>
              <ReferenceField source="ownerAgencyId" reference="agencies" link={false} emptyText="—" />
            </Labeled>
            <Labeled>
              <ReferenceField source="ownerManagerId" reference="managers" link="show" emptyText="—" />
            </Labeled>
            <Labeled>
              <JalaliDateField source="deadline" emptyText="—" />
            </Labeled>
            <Labeled>
              <ResolutionStatusField source="status" />
            </Labeled>
            <Labeled>
              <FollowUpChip source="followUpStatus" />
            </Labeled>
            <Labeled>
              <JalaliDateField source="completedOn" emptyText="—" />
            </Labeled>
            <Labeled>
              <TextField source="daysOverdue" emptyText="—" />
            </Labeled>
            <Labeled>
              <TextField source="cancellationReason" emptyText="—" />
            </Labeled>
          </Stack>
        </Section>
        <Section title="hamafza.resolutions.progressReports">
          <ArrayField source="updates">
            <Datagrid bulkActionButtons={false} rowClick={false}>
              <JalaliDateField source="reportedOn" label={translate("hamafza.common.date")} />
              <TextField source="note" label="hamafza.common.description" />
              <ResolutionStatusField
                source="statusBefore"
                label={translate("hamafza.common.previousStatus")}
                emptyText="—"
              />
              <ResolutionStatusField source="statusAfter" label={translate("hamafza.common.newStatus")} emptyText="—" />
              <PersonNameField source="recordedBy" label="hamafza.common.recordedBy" emptyText="—" />
            </Datagrid>
          </ArrayField>
        </Section>
        <AttachmentsPanel record="RESOLUTION" resource="resolutions" />
      </Stack>
    </Show>
  );
};
