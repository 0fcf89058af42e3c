import { Datagrid, List, ReferenceField, TextField } from "react-admin";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { ListActions } from "../common/export/ListActions";

const filters = [<ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" alwaysOn />];

/** Counties without a facilitation office (seed 004: offices soon in every county); a row opens the county. */
export const CountiesWithoutOfficeList = () => (
  <List actions={<ListActions />} filters={filters} sort={{ field: "id", order: "ASC" }}>
    <Datagrid rowClick={(id) => `/counties/${id}/show`} bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="name" />
      <ReferenceField source="provinceId" reference="provinces" link={false} />
    </Datagrid>
  </List>
);
