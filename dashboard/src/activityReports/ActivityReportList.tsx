import { Datagrid, List, ReferenceField, SelectInput } from "react-admin";
import { ListActions } from "../common/export/ListActions";
import { PersianNumberField } from "../common/PersianNumberField";
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
  <List actions={<ListActions />} filters={filters} sort={{ field: "year", order: "DESC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <ReferenceField source="ngoId" reference="ngos" link={false} sortable={false} />
      <PersianNumberField source="year" options={{ useGrouping: false }} />
      <PersianNumberField source="beneficiaries" sortable={false} />
      <PersianNumberField source="volunteers" sortable={false} />
      <BudgetBandField source="budgetBand" sortable={false} />
      <ActivityReportStatusChip source="status" />
    </Datagrid>
  </List>
);
