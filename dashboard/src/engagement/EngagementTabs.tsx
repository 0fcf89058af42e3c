import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { Datagrid, FunctionField, ReferenceField, ReferenceManyField, TextField, type RaRecord } from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { toPersianDigits } from "../common/persianDigits";
import { GradeChip } from "../evaluation/EvaluationResultList";
import { MeetingKindField, MeetingStatusField } from "../meetings/meetingEnums";
import { Section } from "../meetings/MeetingShow";
import { DemandStatusChip, DimensionField, FollowUpChip, ProposalStatusChip } from "./engagementEnums";

/**
 * The engagement tabs of the NGO and manager pages (issue 5): drop `<NgoEngagementTab />` into an NGO's show page
 * and `<ManagerEngagementTab />` into a manager's (both read the page's record).
 */
const Empty = ({ text }: { text: string }) => <Typography variant="body2">{text}</Typography>;

const MeetingRows = () => (
  <Datagrid bulkActionButtons={false} rowClick="show" resource="meetings" empty={<Empty text="نشستی ثبت نشده است." />}>
    <TextField source="title" label="عنوان" />
    <MeetingKindField source="kind" label="نوع" />
    <JalaliDateField source="scheduledAt" showTime label="زمان" />
    <MeetingStatusField source="status" label="وضعیت" />
  </Datagrid>
);

export const NgoEngagementTab = () => (
  <Stack>
    <Section title="نشست‌های حضور یافته">
      <ReferenceManyField
        reference="meetings"
        target="ngoId"
        sort={{ field: "scheduledAt", order: "DESC" }}
        perPage={50}
      >
        <MeetingRows />
      </ReferenceManyField>
    </Section>
    <Section title="کارگروه‌ها">
      <ReferenceManyField reference="workingGroups" target="ngoId" sort={{ field: "name", order: "ASC" }} perPage={50}>
        <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty text="عضو کارگروهی نیست." />}>
          <TextField source="name" label="نام" />
          <DimensionField source="dimension" label="بعد" />
        </Datagrid>
      </ReferenceManyField>
    </Section>
    <Section title="طرح‌های پیشنهادی">
      <ReferenceManyField
        reference="proposals"
        target="ngoId"
        sort={{ field: "submittedOn", order: "DESC" }}
        perPage={50}
      >
        <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty text="طرحی ثبت نشده است." />}>
          <TextField source="topic" label="موضوع" />
          <JalaliDateField source="submittedOn" label="تاریخ ارسال" />
          <ProposalStatusChip source="status" label="وضعیت" />
        </Datagrid>
      </ReferenceManyField>
    </Section>
    <Section title="مطالبات">
      <ReferenceManyField reference="demands" target="ngoId" sort={{ field: "raisedOn", order: "DESC" }} perPage={50}>
        <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty text="مطالبه‌ای ثبت نشده است." />}>
          <TextField source="title" label="عنوان" />
          <JalaliDateField source="raisedOn" label="تاریخ طرح" />
          <ReferenceField source="agencyId" reference="agencies" link={false} label="دستگاه" emptyText="—" />
          <DemandStatusChip source="status" label="وضعیت" />
        </Datagrid>
      </ReferenceManyField>
    </Section>
  </Stack>
);

export const ManagerEngagementTab = () => (
  <Stack>
    <Section title="نشست‌هایی که ریاست کرده است">
      <ReferenceManyField
        reference="meetings"
        target="chairId"
        sort={{ field: "scheduledAt", order: "DESC" }}
        perPage={50}
      >
        <MeetingRows />
      </ReferenceManyField>
    </Section>
    <Section title="مصوبه‌های در مسئولیت">
      <ReferenceManyField
        reference="resolutions"
        target="ownerManagerId"
        sort={{ field: "deadline", order: "ASC" }}
        perPage={50}
      >
        <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty text="مصوبه‌ای در مسئولیت این مدیر نیست." />}>
          <TextField source="text" label="متن" />
          <JalaliDateField source="deadline" label="مهلت" emptyText="—" />
          <FollowUpChip source="followUpStatus" label="وضعیت پیگیری" />
        </Datagrid>
      </ReferenceManyField>
    </Section>
    <Section title="امتیازهای ارزیابی">
      <ReferenceManyField
        reference="managerScores"
        target="managerId"
        sort={{ field: "year", order: "DESC" }}
        perPage={20}
      >
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<Empty text="امتیاز منتشرشده‌ای نیست." />}>
          <FunctionField label="سال" render={(record: RaRecord) => toPersianDigits(record.year)} />
          <FunctionField
            label="امتیاز"
            render={(record: RaRecord) => toPersianDigits(Number(record.total).toFixed(2))}
          />
          <GradeChip source="grade" label="رتبه کیفی" />
          <JalaliDateField source="publishedAt" label="انتشار" emptyText="منتشرنشده" />
        </Datagrid>
      </ReferenceManyField>
    </Section>
  </Stack>
);
