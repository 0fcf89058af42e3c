import AddIcon from "@mui/icons-material/Add";
import EditIcon from "@mui/icons-material/Edit";
import NoteAddIcon from "@mui/icons-material/NoteAdd";
import WarningAmberIcon from "@mui/icons-material/WarningAmber";
import Chip from "@mui/material/Chip";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import {
  ArrayField,
  AutocompleteInput,
  Datagrid,
  DeleteButton,
  FunctionField,
  NumberField,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  ReferenceManyField,
  required,
  TextField,
  TextInput,
  useCanAccess,
  useDataProvider,
  useRecordContext,
  type RaRecord,
} from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { JalaliDateField } from "../common/JalaliDateField";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { useGraphQL } from "../common/graphqlOperations";
import { FollowUpChip, LicenceStateChip, ResolutionStatusInput } from "../engagement/engagementEnums";
import { RESOLUTION_PROGRESS } from "../resolutions/resolutionOperations";

/** The NGOs present, each with the state of its licence on the meeting date; flagged ones stand out. */
export const AttendanceGrid = () => (
  <ArrayField source="attendance">
    <Datagrid
      bulkActionButtons={false}
      rowClick={false}
      empty={<Typography variant="body2">هیچ سمنی ثبت نشده است.</Typography>}
      rowSx={(record: RaRecord) => (record.licenceFlagged ? { backgroundColor: "rgba(237, 108, 2, 0.12)" } : {})}
    >
      <ReferenceField source="ngoId" reference="ngos" link="show" label="سمن" />
      <TextField source="representativeName" label="نماینده" emptyText="—" />
      <LicenceStateChip source="licenceStateOnMeetingDate" label="وضعیت پروانه در تاریخ نشست" />
      <FunctionField
        label="هشدار"
        render={(record: RaRecord) =>
          record.licenceFlagged ? (
            <Chip
              size="small"
              color="warning"
              icon={<WarningAmberIcon />}
              label="پروانه در تاریخ نشست معتبر نبود"
              data-testid="licence-flag"
            />
          ) : null
        }
      />
    </Datagrid>
  </ArrayField>
);

export const OfficialsGrid = () => (
  <ArrayField source="officials">
    <Datagrid
      bulkActionButtons={false}
      rowClick={false}
      empty={<Typography variant="body2">مسئولی ثبت نشده است.</Typography>}
    >
      <ReferenceField source="managerId" reference="managers" link="show" label="مدیر" />
      <ReferenceField source="agencyId" reference="agencies" link={false} label="دستگاه" emptyText="—" />
      <TextField source="role" label="نقش در نشست" />
    </Datagrid>
  </ArrayField>
);

const AgendaInputs = () => (
  <>
    <TextInput source="topic" label="موضوع" validate={required()} fullWidth />
    <ReferenceInput
      source="socialHarmId"
      reference="socialHarms"
      sort={{ field: "sortOrder", order: "ASC" }}
      perPage={50}
    >
      <AutocompleteInput label="آسیب اجتماعی" fullWidth />
    </ReferenceInput>
    <ReferenceInput source="demandId" reference="demands" sort={{ field: "raisedOn", order: "DESC" }}>
      <AutocompleteInput label="مطالبه سمن" optionText="title" fullWidth />
    </ReferenceInput>
    <NumberInput source="position" label="ردیف" />
    <TextInput source="notes" label="یادداشت" multiline fullWidth />
  </>
);

const pick = (record: RaRecord, keys: string[]) => Object.fromEntries(keys.map((key) => [key, record[key] ?? null]));

const AgendaRowActions = () => {
  const record = useRecordContext();
  const dataProvider = useDataProvider();
  if (!record) return null;
  return (
    <Stack direction="row">
      <ActionDialogButton
        label="ویرایش"
        icon={<EditIcon />}
        title="ویرایش دستور جلسه"
        defaultValues={pick(record, ["topic", "socialHarmId", "demandId", "position", "notes"])}
        onSubmit={(values) => dataProvider.update("agendaItems", { id: record.id, data: values, previousData: record })}
      >
        <AgendaInputs />
      </ActionDialogButton>
      <DeleteButton resource="agendaItems" redirect={false} mutationMode="pessimistic" label="حذف" />
    </Stack>
  );
};

/** The meeting's agenda: topics, the social harm or NGO demand each answers; officers add and edit them here. */
export const MeetingAgenda = () => {
  const meeting = useRecordContext();
  const dataProvider = useDataProvider();
  const { canAccess } = useCanAccess({ resource: "agendaItems", action: "edit" });
  if (!meeting) return null;
  const editable = canAccess && !meeting.locked;
  return (
    <Stack spacing={1} data-testid="meeting-agenda">
      <ReferenceManyField
        reference="agendaItems"
        target="meetingId"
        sort={{ field: "position", order: "ASC" }}
        perPage={100}
      >
        <Datagrid
          bulkActionButtons={false}
          rowClick={false}
          empty={<Typography variant="body2">دستور جلسه‌ای ثبت نشده است.</Typography>}
        >
          <NumberField source="position" label="ردیف" locales="fa-IR" />
          <TextField source="topic" label="موضوع" />
          <TextField source="socialHarm.name" label="آسیب اجتماعی" emptyText="—" />
          <TextField source="demand.title" label="مطالبه سمن" emptyText="—" />
          <TextField source="notes" label="یادداشت" emptyText="" />
          {editable ? <AgendaRowActions /> : null}
        </Datagrid>
      </ReferenceManyField>
      {editable && (
        <div>
          <ActionDialogButton
            label="افزودن دستور جلسه"
            icon={<AddIcon />}
            onSubmit={(values) => dataProvider.create("agendaItems", { data: { ...values, meetingId: meeting.id } })}
          >
            <AgendaInputs />
          </ActionDialogButton>
        </div>
      )}
    </Stack>
  );
};

export const ResolutionInputs = ({ withStatus = false }: { withStatus?: boolean }) => (
  <>
    <TextInput source="text" label="متن مصوبه" validate={required()} multiline fullWidth />
    <ReferenceInput source="ownerAgencyId" reference="agencies" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput label="دستگاه مسئول" fullWidth />
    </ReferenceInput>
    <ReferenceInput source="ownerManagerId" reference="managers" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput label="مدیر مسئول" fullWidth />
    </ReferenceInput>
    <JalaliDateInput source="deadline" label="مهلت" />
    {withStatus && (
      <>
        <ResolutionStatusInput source="status" label="وضعیت" />
        <JalaliDateInput source="completedOn" label="تاریخ انجام" />
        <TextInput source="cancellationReason" label="دلیل لغو" fullWidth />
      </>
    )}
  </>
);

/** A dated progress report of a resolution (optionally with its new status). */
export const ResolutionProgressButton = () => {
  const record = useRecordContext();
  const graphql = useGraphQL();
  if (!record) return null;
  return (
    <ActionDialogButton
      label="گزارش پیگیری"
      icon={<NoteAddIcon />}
      title="ثبت گزارش پیگیری مصوبه"
      onSubmit={(values) =>
        graphql(RESOLUTION_PROGRESS, {
          resolutionId: record.id,
          input: { reportedOn: values.reportedOn, note: values.note, status: values.status || undefined },
        })
      }
    >
      <JalaliDateInput source="reportedOn" label="تاریخ گزارش" validate={required()} notInFuture />
      <TextInput source="note" label="شرح پیشرفت" validate={required()} multiline fullWidth />
      <ResolutionStatusInput source="status" label="وضعیت تازه (اختیاری)" />
    </ActionDialogButton>
  );
};

const ResolutionRowActions = () => {
  const record = useRecordContext();
  const dataProvider = useDataProvider();
  if (!record) return null;
  return (
    <Stack direction="row" flexWrap="wrap">
      <ActionDialogButton
        label="ویرایش"
        icon={<EditIcon />}
        title="ویرایش مصوبه"
        defaultValues={pick(record, [
          "text",
          "ownerAgencyId",
          "ownerManagerId",
          "deadline",
          "status",
          "completedOn",
          "cancellationReason",
        ])}
        onSubmit={(values) => dataProvider.update("resolutions", { id: record.id, data: values, previousData: record })}
      >
        <ResolutionInputs withStatus />
      </ActionDialogButton>
      <ResolutionProgressButton />
      <DeleteButton resource="resolutions" redirect={false} mutationMode="pessimistic" label="حذف" />
    </Stack>
  );
};

/** The meeting's resolutions with their owners, deadlines and follow-up state; officers add and edit them here. */
export const MeetingResolutions = () => {
  const meeting = useRecordContext();
  const dataProvider = useDataProvider();
  const { canAccess } = useCanAccess({ resource: "resolutions", action: "edit" });
  if (!meeting) return null;
  const editable = canAccess && !meeting.locked;
  return (
    <Stack spacing={1} data-testid="meeting-resolutions">
      <ReferenceManyField
        reference="resolutions"
        target="meetingId"
        sort={{ field: "createdAt", order: "ASC" }}
        perPage={100}
      >
        <Datagrid
          bulkActionButtons={false}
          rowClick={editable ? false : "show"}
          empty={<Typography variant="body2">مصوبه‌ای ثبت نشده است.</Typography>}
        >
          <TextField source="text" label="متن مصوبه" />
          <ReferenceField source="ownerAgencyId" reference="agencies" link={false} label="دستگاه مسئول" emptyText="—" />
          <ReferenceField source="ownerManagerId" reference="managers" link={false} label="مدیر مسئول" emptyText="—" />
          <JalaliDateField source="deadline" label="مهلت" emptyText="—" />
          <FollowUpChip source="followUpStatus" label="وضعیت پیگیری" />
          {editable ? <ResolutionRowActions /> : null}
        </Datagrid>
      </ReferenceManyField>
      {editable && (
        <div>
          <ActionDialogButton
            label="افزودن مصوبه"
            icon={<AddIcon />}
            intro="برای مصوبه، دستگاه یا مدیر مسئول را مشخص کنید."
            onSubmit={(values) => dataProvider.create("resolutions", { data: { ...values, meetingId: meeting.id } })}
          >
            <ResolutionInputs />
          </ActionDialogButton>
        </div>
      )}
    </Stack>
  );
};
