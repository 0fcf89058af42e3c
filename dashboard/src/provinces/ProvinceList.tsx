import { Datagrid, List, SearchInput, TextField } from "react-admin";
import { ListActions } from "../common/export/ListActions";

const provinceFilters = [<SearchInput key="q" source="q" alwaysOn />];

export const ProvinceList = () => (
  <List actions={<ListActions />} filters={provinceFilters} sort={{ field: "code", order: "ASC" }} perPage={50}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
    </Datagrid>
  </List>
);
