import {
  FunctionField,
  List,
  NullableBooleanInput,
  ReferenceField,
  SearchInput,
  TextField,
  type RaRecord,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import {
  DemandCategoryField,
  DemandCategoryInput,
  DemandStatusChip,
  DemandStatusInput,
} from "../engagement/engagementEnums";
import { responseDays } from "../engagement/InboxParts";
import { jalaliPeriodFilters } from "../engagement/PeriodInputs";
import { ListActions } from "../common/export/ListActions";
import { ResponsiveDatagrid } from "../common/ResponsiveDatagrid";

const demandFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceFilterInput key="agencyId" source="agencyId" reference="agencies" alwaysOn />,
  <DemandStatusInput key="status" source="status" alwaysOn />,
  <NullableBooleanInput key="answered" source="answered" alwaysOn />,
  // Unanswered past the answer day (HAMAFZA_ANSWER_DAYS): the province officer's escalation list.
  <NullableBooleanInput key="overdue" source="overdue" />,
  <DemandCategoryInput key="category" source="category" />,
  <NullableBooleanInput key="unrouted" source="unrouted" />,
  ...jalaliPeriodFilters(false),
  <ReferenceFilterInput key="ngoId" source="ngoId" reference="ngos" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
];

/** The demands inbox: per agency (filter), unrouted and unanswered ones at hand. */
export const DemandList = () => (
  <List
    actions={<ListActions />}
    filters={demandFilters}
    sort={{ field: "raisedOn", order: "DESC" }}
    title="hamafza.demands.inbox"
  >
    <ResponsiveDatagrid
      rowClick="show"
      bulkActionButtons={false}
      primaryText={(record: RaRecord) => record.title}
      secondaryText={<JalaliDateField source="raisedOn" />}
      tertiaryText={<DemandStatusChip source="status" />}
    >
      <TextField source="title" />
      <DemandCategoryField source="category" />
      <ReferenceField source="ngoId" reference="ngos" link={false} sortable={false} />
      <ReferenceField source="agencyId" reference="agencies" link={false} sortable={false} emptyText="—" />
      <JalaliDateField source="raisedOn" />
      <DemandStatusChip source="status" />
      <JalaliDateField source="respondedOn" emptyText="—" />
      <FunctionField source="responseDays" sortable={false} render={responseDays} />
    </ResponsiveDatagrid>
  </List>
);
