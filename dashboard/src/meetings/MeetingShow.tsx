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
  useTranslate,
} from "react-admin";
import { AttachmentsPanel } from "../attachments/AttachmentsPanel";
import { JalaliDateField } from "../common/JalaliDateField";
import { ReportButton } from "../common/ReportButton";
import { AttendanceGrid, MeetingAgenda, MeetingResolutions, OfficialsGrid } from "./MeetingParts";
import { MeetingKindField, MeetingStatusField } from "./meetingEnums";

/** A titled card; `title` is a translation key. */
export const Section = ({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate(title, { _: title })}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const LockedNotice = () => {
  const translate = useTranslate();
  const record = useRecordContext();
  if (!record?.locked) return null;
  return (
    <Alert severity="info" icon={<LockIcon />} sx={{ mb: 2 }}>
      {translate("hamafza.meetings.locked")}
    </Alert>
  );
};

const MeetingShowActions = () => {
  const record = useRecordContext();
  return (
    <TopToolbar>
      {record ? (
        <ReportButton
          path={`/reports/meetings/${record.id}.pdf`}
          fileName={`meeting-${record.id}.pdf`}
          label="hamafza.reports.printMinutes"
        />
      ) : null}
      {record && !record.locked ? <EditButton /> : null}
    </TopToolbar>
  );
};

const MeetingSummary = () => {
  const translate = useTranslate();
  return (
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
          render={(record: RaRecord) =>
            translate("hamafza.meetings.yearQuarter", { year: record.jalaliYear, quarter: record.jalaliQuarter })
          }
        />
      </Labeled>
      <Labeled>
        <ReferenceField source="provinceId" reference="provinces" link={false} />
      </Labeled>
      <Labeled>
        <ReferenceField source="countyId" reference="counties" link="show" emptyText="hamafza.common.provincial" />
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
};

export const MeetingShow = () => (
  <Show actions={<MeetingShowActions />}>
    <Stack sx={{ p: 2 }}>
      <LockedNotice />
      <Section title="hamafza.meetings.details">
        <MeetingSummary />
      </Section>
      <Section title="hamafza.meetings.attendance" testId="meeting-attendance">
        <AttendanceGrid />
      </Section>
      <Section title="hamafza.meetings.officialsPresent">
        <OfficialsGrid />
      </Section>
      <Section title="hamafza.meetings.agenda">
        <MeetingAgenda />
      </Section>
      <Section title="hamafza.meetings.resolutions">
        <MeetingResolutions />
      </Section>
      <AttachmentsPanel record="MEETING" resource="meetings" />
    </Stack>
  </Show>
);
