import { Datagrid, List, NumberField, ReferenceField, SelectInput } from "react-admin";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { jalaliYearChoices } from "../engagement/periods";
import { ActivityReportStatusChip, ActivityReportStatusInput, BudgetBandField } from "./activityReportEnums";

const filters = [
  <SelectInput key="year" source="year" choices={jalaliYearChoices()} alwaysOn />,
  <ActivityReportStatusInput key="status" source="status" alwaysOn />,
  <ReferenceFilterInput key="ngoId" source="ngoId" reference="ngos" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
];

/** NGOs' annual activity reports of the user's territory, latest year first (docs/activity-reports.md). */
export const ActivityReportList = () => (
  <List filters={filters} sort={{ field: "year", order: "DESC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <ReferenceField source="ngoId" reference="ngos" link={false} sortable={false} />
      <NumberField source="year" options={{ useGrouping: false }} />
      <NumberField source="beneficiaries" sortable={false} />
      <NumberField source="volunteers" sortable={false} />
      <BudgetBandField source="budgetBand" sortable={false} />
      <ActivityReportStatusChip source="status" />
    </Datagrid>
  </List>
);
