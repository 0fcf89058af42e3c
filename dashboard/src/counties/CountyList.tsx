import { Datagrid, List, ReferenceField, SearchInput, TextField } from "react-admin";
import { LtrTextField } from "../common/LtrTextField";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { ListActions } from "../common/export/ListActions";

const countyFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" alwaysOn />,
];

export const CountyList = () => (
  <List actions={<ListActions />} filters={countyFilters} sort={{ field: "code", order: "ASC" }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <LtrTextField source="code" />
      <TextField source="name" />
      <ReferenceField source="provinceId" reference="provinces" link="show" sortable={false} />
    </Datagrid>
  </List>
);
