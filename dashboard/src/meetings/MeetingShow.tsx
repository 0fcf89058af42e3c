import LockIcon from "@mui/icons-material/Lock";
import Alert from "@mui/material/Alert";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import type { ReactNode } from "react";
import {
  BooleanField,
  EditButton,
  FunctionField,
  Labeled,
  ReferenceField,
  Show,
  TextField,
  TopToolbar,
  useRecordContext,
  type RaRecord,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { toPersianDigits } from "../common/persianDigits";
import { AttendanceGrid, MeetingAgenda, MeetingResolutions, OfficialsGrid } from "./MeetingParts";
import { MeetingKindField, MeetingStatusField } from "./meetingEnums";

export const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => (
  <Card variant="outlined" sx={{ mb: 2 }} data-testid={testId}>
    <CardContent>
      <Typography variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

const LockedNotice = () => {
  const record = useRecordContext();
  if (!record?.locked) return null;
  return (
    <Alert severity="info" icon={<LockIcon />} sx={{ mb: 2 }}>
      دوره ارزیابی این نشست نهایی شده است؛ نشست و دستور جلسه و مصوبه‌های آن دیگر تغییر نمی‌کنند.
    </Alert>
  );
};

const MeetingShowActions = () => {
  const record = useRecordContext();
  return <TopToolbar>{record && !record.locked ? <EditButton /> : null}</TopToolbar>;
};

const MeetingSummary = () => (
  <Stack direction="row" flexWrap="wrap" gap={3}>
    <Labeled>
      <TextField source="title" />
    </Labeled>
    <Labeled>
      <MeetingKindField source="kind" />
    </Labeled>
    <Labeled>
      <MeetingStatusField source="status" />
    </Labeled>
    <Labeled>
      <JalaliDateField source="scheduledAt" showTime />
    </Labeled>
    <Labeled>
      <JalaliDateField source="heldAt" showTime emptyText="—" />
    </Labeled>
    <Labeled>
      <FunctionField
        source="jalaliQuarter"
        render={(record: RaRecord) => toPersianDigits(`${record.jalaliYear} / فصل ${record.jalaliQuarter}`)}
      />
    </Labeled>
    <Labeled>
      <ReferenceField source="provinceId" reference="provinces" link={false} />
    </Labeled>
    <Labeled>
      <ReferenceField source="countyId" reference="counties" link="show" emptyText="استانی" />
    </Labeled>
    <Labeled>
      <ReferenceField source="chairId" reference="managers" link="show" emptyText="—" />
    </Labeled>
    <Labeled>
      <ReferenceField source="organisingAgencyId" reference="agencies" link={false} emptyText="—" />
    </Labeled>
    <Labeled>
      <TextField source="venue" emptyText="—" />
    </Labeled>
    <Labeled>
      <ReferenceField source="venueNgoHouseId" reference="ngoHouses" link={false} emptyText="—" />
    </Labeled>
    <Labeled>
      <ReferenceField source="workingGroupId" reference="workingGroups" link="show" emptyText="—" />
    </Labeled>
    <Labeled>
      <BooleanField source="countsAsEngagement" />
    </Labeled>
    <Labeled>
      <TextField source="cancellationReason" emptyText="—" />
    </Labeled>
    <Labeled fullWidth>
      <TextField source="minutes" emptyText="—" sx={{ whiteSpace: "pre-wrap" }} />
    </Labeled>
  </Stack>
);

export const MeetingShow = () => (
  <Show actions={<MeetingShowActions />}>
    <Stack sx={{ p: 2 }}>
      <LockedNotice />
      <Section title="مشخصات نشست">
        <MeetingSummary />
      </Section>
      <Section title="حضور سمن‌ها" testId="meeting-attendance">
        <AttendanceGrid />
      </Section>
      <Section title="مسئولان حاضر">
        <OfficialsGrid />
      </Section>
      <Section title="دستور جلسه">
        <MeetingAgenda />
      </Section>
      <Section title="مصوبه‌ها">
        <MeetingResolutions />
      </Section>
    </Stack>
  </Show>
);
