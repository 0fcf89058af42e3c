import { Datagrid, List, SearchInput, TextField } from "react-admin";
import { LtrTextField } from "../common/LtrTextField";
import { ListActions } from "../common/export/ListActions";

const provinceFilters = [<SearchInput key="q" source="q" alwaysOn />];

export const ProvinceList = () => (
  <List actions={<ListActions />} filters={provinceFilters} sort={{ field: "code", order: "ASC" }} perPage={50}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <LtrTextField source="code" />
      <TextField source="name" />
    </Datagrid>
  </List>
);
