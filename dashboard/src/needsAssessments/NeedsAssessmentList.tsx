import { Datagrid, List, ReferenceField, TextField } from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { ListActions } from "../common/export/ListActions";

const filters = [
  <ReferenceFilterInput key="areaId" source="areaId" reference="informalSettlementAreas" alwaysOn />,
  <ReferenceFilterInput key="ngoId" source="ngoId" reference="ngos" />,
  <ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
  <JalaliDateInput key="assessedFrom" source="assessedFrom" />,
  <JalaliDateInput key="assessedTo" source="assessedTo" />,
];

export const NeedsAssessmentList = () => (
  <List actions={<ListActions />} filters={filters} sort={{ field: "assessedOn", order: "DESC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="area.name" label="resources.needsAssessments.fields.areaId" sortable={false} />
      <ReferenceField source="countyId" reference="counties" link={false} />
      <JalaliDateField source="assessedOn" />
    </Datagrid>
  </List>
);
