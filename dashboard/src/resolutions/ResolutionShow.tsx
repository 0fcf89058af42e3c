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
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
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

export const ResolutionShow = () => (
  <Show actions={<ResolutionActions />}>
    <Stack sx={{ p: 2 }}>
      <Section title="مصوبه">
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
      <Section title="گزارش‌های پیگیری">
        <ArrayField source="updates">
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <JalaliDateField source="reportedOn" label="تاریخ" />
            <TextField source="note" label="شرح" />
            <ResolutionStatusField source="statusBefore" label="وضعیت پیشین" emptyText="—" />
            <ResolutionStatusField source="statusAfter" label="وضعیت تازه" emptyText="—" />
            <TextField source="recordedBy" label="ثبت‌کننده" emptyText="—" />
          </Datagrid>
        </ArrayField>
      </Section>
    </Stack>
  </Show>
);
