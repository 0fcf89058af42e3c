import CalendarMonthIcon from "@mui/icons-material/CalendarMonth";
import {
  BooleanField,
  Button,
  CreateButton,
  FilterButton,
  FunctionField,
  List,
  NullableBooleanInput,
  ReferenceField,
  SearchInput,
  TextField,
  TopToolbar,
  useNavigate,
  type RaRecord,
  useTranslate,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { toPersianDigits } from "../common/persianDigits";
import { jalaliPeriodFilters } from "../engagement/PeriodInputs";
import { MEETING_CALENDAR_PATH } from "./paths";
import { MeetingKindField, MeetingKindInput, MeetingStatusField, MeetingStatusInput } from "./meetingEnums";
import { ExportButton } from "../common/export/ExportButton";
import { ResponsiveDatagrid } from "../common/ResponsiveDatagrid";

const meetingFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  ...jalaliPeriodFilters(true),
  <MeetingKindInput key="kind" source="kind" alwaysOn />,
  <MeetingStatusInput key="status" source="status" alwaysOn />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" alwaysOn />,
  <ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" />,
  <ReferenceFilterInput key="ngoId" source="ngoId" reference="ngos" />,
  <ReferenceFilterInput key="chairId" source="chairId" reference="managers" />,
  <ReferenceFilterInput key="workingGroupId" source="workingGroupId" reference="workingGroups" />,
  <NullableBooleanInput key="withNgos" source="withNgos" />,
];

const CalendarButton = () => {
  const navigate = useNavigate();
  return (
    <Button label="hamafza.meetings.calendar" onClick={() => navigate(MEETING_CALENDAR_PATH)}>
      <CalendarMonthIcon />
    </Button>
  );
};

const MeetingListActions = () => (
  <TopToolbar>
    <CalendarButton />
    <FilterButton />
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

export const MeetingList = () => {
  const translate = useTranslate();
  return (
    <List filters={meetingFilters} sort={{ field: "scheduledAt", order: "DESC" }} actions={<MeetingListActions />}>
      <ResponsiveDatagrid
        rowClick="show"
        bulkActionButtons={false}
        primaryText={(record: RaRecord) => record.title}
        secondaryText={<JalaliDateField source="scheduledAt" showTime />}
        tertiaryText={<MeetingStatusField source="status" />}
      >
        <TextField source="title" />
        <MeetingKindField source="kind" />
        <ReferenceField
          source="countyId"
          reference="counties"
          link={false}
          sortable={false}
          emptyText="hamafza.common.provincial"
        />
        <JalaliDateField source="scheduledAt" showTime />
        <FunctionField
          source="jalaliQuarter"
          sortable={false}
          render={(record: RaRecord) =>
            translate("hamafza.meetings.yearQuarter", { year: record.jalaliYear, quarter: record.jalaliQuarter })
          }
        />
        <FunctionField
          source="ngoCount"
          sortable={false}
          render={(record: RaRecord) => toPersianDigits(record.ngoCount ?? 0)}
        />
        <MeetingStatusField source="status" />
        <BooleanField source="countsAsEngagement" sortable={false} />
      </ResponsiveDatagrid>
    </List>
  );
};
