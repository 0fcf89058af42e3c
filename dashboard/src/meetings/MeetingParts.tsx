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
  useTranslate,
} from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { JalaliDateField } from "../common/JalaliDateField";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { useGraphQL } from "../common/graphqlOperations";
import { FollowUpChip, LicenceStateChip, ResolutionStatusInput } from "../engagement/engagementEnums";
import { RESOLUTION_PROGRESS } from "../resolutions/resolutionOperations";
import { PersianNumberField } from "../common/PersianNumberField";
import { managerOption } from "../managers/managerOption";

/** The NGOs present, each with the state of its licence on the meeting date; flagged ones stand out. */
export const AttendanceGrid = () => {
  const translate = useTranslate();
  return (
    <ArrayField source="attendance">
      <Datagrid
        bulkActionButtons={false}
        rowClick={false}
        empty={<Typography variant="body2">{translate("hamafza.meetings.noNgo")}</Typography>}
        rowSx={(record: RaRecord) => (record.licenceFlagged ? { backgroundColor: "rgba(237, 108, 2, 0.12)" } : {})}
      >
        <ReferenceField source="ngoId" reference="ngos" link="show" label="hamafza.common.ngo" />
        <TextField source="representativeName" label="hamafza.common.representative" emptyText="—" />
        <LicenceStateChip source="licenceStateOnMeetingDate" label={translate("hamafza.meetings.licenceOnDate")} />
        <FunctionField
          label="hamafza.meetings.warning"
          render={(record: RaRecord) =>
            record.licenceFlagged ? (
              <Chip
                size="small"
                color="warning"
                icon={<WarningAmberIcon />}
                label={translate("hamafza.meetings.licenceInvalidOnDate")}
                data-testid="licence-flag"
              />
            ) : null
          }
        />
      </Datagrid>
    </ArrayField>
  );
};

export const OfficialsGrid = () => {
  const translate = useTranslate();
  return (
    <ArrayField source="officials">
      <Datagrid
        bulkActionButtons={false}
        rowClick={false}
        empty={<Typography variant="body2">{translate("hamafza.meetings.noOfficial")}</Typography>}
      >
        <ReferenceField source="managerId" reference="managers" link="show" label="hamafza.common.manager" />
        <ReferenceField
          source="agencyId"
          reference="agencies"
          link={false}
          label="hamafza.common.agency"
          emptyText="—"
        />
        <TextField source="role" label="hamafza.common.roleInMeeting" />
      </Datagrid>
    </ArrayField>
  );
};

const AgendaInputs = () => (
  <>
    <TextInput source="topic" label="hamafza.common.topic" validate={required()} fullWidth />
    <ReferenceInput
      source="socialHarmId"
      reference="socialHarms"
      sort={{ field: "sortOrder", order: "ASC" }}
      perPage={50}
    >
      <AutocompleteInput label="hamafza.common.socialHarm" fullWidth />
    </ReferenceInput>
    <ReferenceInput source="demandId" reference="demands" sort={{ field: "raisedOn", order: "DESC" }}>
      <AutocompleteInput label="hamafza.common.ngoDemand" optionText="title" fullWidth />
    </ReferenceInput>
    <NumberInput source="position" label="hamafza.common.row" />
    <TextInput source="notes" label="hamafza.common.note" multiline fullWidth />
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
        label="hamafza.common.edit"
        icon={<EditIcon />}
        title="hamafza.meetings.editAgendaItem"
        defaultValues={pick(record, ["topic", "socialHarmId", "demandId", "position", "notes"])}
        onSubmit={(values) => dataProvider.update("agendaItems", { id: record.id, data: values, previousData: record })}
      >
        <AgendaInputs />
      </ActionDialogButton>
      <DeleteButton resource="agendaItems" redirect={false} mutationMode="pessimistic" label="hamafza.common.delete" />
    </Stack>
  );
};

/** The meeting's agenda: topics, the social harm or NGO demand each answers; officers add and edit them here. */
export const MeetingAgenda = () => {
  const translate = useTranslate();
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
          empty={<Typography variant="body2">{translate("hamafza.meetings.noAgenda")}</Typography>}
        >
          <PersianNumberField source="position" label="hamafza.common.row" />
          <TextField source="topic" label="hamafza.common.topic" />
          <TextField source="socialHarm.name" label="hamafza.common.socialHarm" emptyText="—" />
          <TextField source="demand.title" label="hamafza.common.ngoDemand" emptyText="—" />
          <TextField source="notes" label="hamafza.common.note" emptyText="" />
          {editable ? <AgendaRowActions /> : null}
        </Datagrid>
      </ReferenceManyField>
      {editable && (
        <div>
          <ActionDialogButton
            label="hamafza.meetings.addAgendaItem"
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

export const ResolutionInputs = ({ withStatus = false }: { withStatus?: boolean }) => {
  const translate = useTranslate();
  return (
    <>
      <TextInput source="text" label="hamafza.meetings.resolutionText" validate={required()} multiline fullWidth />
      <ReferenceInput source="ownerAgencyId" reference="agencies" sort={{ field: "name", order: "ASC" }}>
        <AutocompleteInput label="hamafza.common.responsibleAgency" fullWidth />
      </ReferenceInput>
      <ReferenceInput source="ownerManagerId" reference="managers" sort={{ field: "name", order: "ASC" }}>
        <AutocompleteInput optionText={managerOption} label="hamafza.common.responsibleManager" fullWidth />
      </ReferenceInput>
      <JalaliDateInput source="deadline" label={translate("hamafza.common.deadline")} />
      {withStatus && (
        <>
          <ResolutionStatusInput source="status" label={translate("hamafza.common.status")} />
          <JalaliDateInput source="completedOn" label={translate("hamafza.meetings.doneOn")} />
          <TextInput source="cancellationReason" label="hamafza.meetings.cancellationReason" fullWidth />
        </>
      )}
    </>
  );
};

/** A dated progress report of a resolution (optionally with its new status). */
export const ResolutionProgressButton = () => {
  const translate = useTranslate();
  const record = useRecordContext();
  const graphql = useGraphQL();
  if (!record) return null;
  return (
    <ActionDialogButton
      label="hamafza.meetings.progressReport"
      icon={<NoteAddIcon />}
      title="hamafza.meetings.progressReportTitle"
      onSubmit={(values) =>
        graphql(RESOLUTION_PROGRESS, {
          resolutionId: record.id,
          input: { reportedOn: values.reportedOn, note: values.note, status: values.status || undefined },
        })
      }
    >
      <JalaliDateInput
        source="reportedOn"
        label={translate("hamafza.common.reportDate")}
        validate={required()}
        notInFuture
      />
      <TextInput source="note" label="hamafza.common.progressDescription" validate={required()} multiline fullWidth />
      <ResolutionStatusInput source="status" label={translate("hamafza.common.newStatusOptional")} />
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
        label="hamafza.common.edit"
        icon={<EditIcon />}
        title="hamafza.meetings.editResolution"
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
      <DeleteButton resource="resolutions" redirect={false} mutationMode="pessimistic" label="hamafza.common.delete" />
    </Stack>
  );
};

/** The meeting's resolutions with their owners, deadlines and follow-up state; officers add and edit them here. */
export const MeetingResolutions = () => {
  const translate = useTranslate();
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
          empty={<Typography variant="body2">{translate("hamafza.meetings.noResolution")}</Typography>}
        >
          <TextField source="text" label="hamafza.meetings.resolutionText" />
          <ReferenceField
            source="ownerAgencyId"
            reference="agencies"
            link={false}
            label="hamafza.common.responsibleAgency"
            emptyText="—"
          />
          <ReferenceField
            source="ownerManagerId"
            reference="managers"
            link={false}
            label="hamafza.common.responsibleManager"
            emptyText="—"
          />
          <JalaliDateField source="deadline" label={translate("hamafza.common.deadline")} emptyText="—" />
          <FollowUpChip source="followUpStatus" label={translate("hamafza.common.followUpStatus")} />
          {editable ? <ResolutionRowActions /> : null}
        </Datagrid>
      </ReferenceManyField>
      {editable && (
        <div>
          <ActionDialogButton
            label="hamafza.meetings.addResolution"
            icon={<AddIcon />}
            intro="hamafza.meetings.resolutionOwnerIntro"
            onSubmit={(values) => dataProvider.create("resolutions", { data: { ...values, meetingId: meeting.id } })}
          >
            <ResolutionInputs />
          </ActionDialogButton>
        </div>
      )}
    </Stack>
  );
};
