import { Datagrid, List, ReferenceField, SearchInput, TextField } from "react-admin";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { ListActions } from "../common/export/ListActions";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
];

/** Bodies committees belong to (e.g. Qazvin's secretariat for empowering inefficient urban areas). */
export const GoverningBodyList = () => (
  <List actions={<ListActions />} filters={filters} sort={{ field: "name", order: "ASC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <ReferenceField source="provinceId" reference="provinces" link={false} />
      <ReferenceField source="countyId" reference="counties" link={false} emptyText="—" />
    </Datagrid>
  </List>
);
