import { Datagrid, List, NullableBooleanInput, ReferenceField, SearchInput, TextField } from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { ListActions } from "../common/export/ListActions";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
  <NullableBooleanInput key="provincial" source="provincial" />,
  <ReferenceFilterInput key="memberNgoId" source="memberNgoId" reference="ngos" />,
];

export const NgoHouseList = () => (
  <List actions={<ListActions />} filters={filters} sort={{ field: "name", order: "ASC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <ReferenceField source="provinceId" reference="provinces" link={false} />
      <ReferenceField source="countyId" reference="counties" link={false} emptyText="hamafza.common.provincial" />
      <TextField source="managerName" emptyText="—" sortable={false} />
      <JalaliDateField source="openedOn" emptyText="—" />
    </Datagrid>
  </List>
);
