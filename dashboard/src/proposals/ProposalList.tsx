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
import { ProposalStatusChip, ProposalStatusInput } from "../engagement/engagementEnums";
import { responseDays } from "../engagement/InboxParts";
import { jalaliPeriodFilters } from "../engagement/PeriodInputs";
import { ListActions } from "../common/export/ListActions";
import { ResponsiveDatagrid } from "../common/ResponsiveDatagrid";

const proposalFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceFilterInput key="agencyId" source="agencyId" reference="agencies" alwaysOn />,
  <ProposalStatusInput key="status" source="status" alwaysOn />,
  <NullableBooleanInput key="answered" source="answered" alwaysOn />,
  // Unanswered past the answer day (HAMAFZA_ANSWER_DAYS): the province officer's escalation list.
  <NullableBooleanInput key="overdue" source="overdue" />,
  ...jalaliPeriodFilters(false),
  <ReferenceFilterInput key="ngoId" source="ngoId" reference="ngos" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
];

/** The proposals inbox: per agency (filter), unanswered ones found with «پاسخ‌داده‌شده: خیر». */
export const ProposalList = () => (
  <List
    actions={<ListActions />}
    filters={proposalFilters}
    sort={{ field: "submittedOn", order: "DESC" }}
    title="hamafza.proposals.inbox"
  >
    <ResponsiveDatagrid
      rowClick="show"
      bulkActionButtons={false}
      primaryText={(record: RaRecord) => record.topic}
      secondaryText={<JalaliDateField source="submittedOn" />}
      tertiaryText={<ProposalStatusChip source="status" />}
    >
      <TextField source="topic" />
      <ReferenceField source="ngoId" reference="ngos" link={false} sortable={false} />
      <ReferenceField source="agencyId" reference="agencies" link={false} sortable={false} emptyText="—" />
      <TextField source="councilName" sortable={false} emptyText="—" />
      <JalaliDateField source="submittedOn" />
      <ProposalStatusChip source="status" />
      <JalaliDateField source="respondedOn" emptyText="—" />
      <FunctionField source="responseDays" sortable={false} render={responseDays} />
    </ResponsiveDatagrid>
  </List>
);
