import {
  BooleanField,
  Datagrid,
  List,
  NullableBooleanInput,
  ReferenceField,
  SearchInput,
  TextField,
} from "react-admin";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { DimensionField, DimensionInput } from "../engagement/engagementEnums";
import { ListActions } from "../common/export/ListActions";
import { PersianNumberField } from "../common/PersianNumberField";

const groupFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <DimensionInput key="dimension" source="dimension" alwaysOn />,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
  <ReferenceFilterInput key="ngoId" source="ngoId" reference="ngos" />,
  <ReferenceFilterInput key="memberAgencyId" source="memberAgencyId" reference="agencies" />,
];

export const WorkingGroupList = () => (
  <List actions={<ListActions />} filters={groupFilters} sort={{ field: "name", order: "ASC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <DimensionField source="dimension" />
      <ReferenceField source="countyId" reference="counties" link={false} emptyText="hamafza.common.provincial" />
      <ReferenceField source="chairManagerId" reference="managers" link={false} sortable={false} emptyText="—" />
      <ReferenceField source="chairAgencyId" reference="agencies" link={false} sortable={false} emptyText="—" />
      <PersianNumberField source="sessionsHeld" sortable={false} />
      <BooleanField source="active" sortable={false} />
    </Datagrid>
  </List>
);
