import { BooleanField, Datagrid, List, NullableBooleanInput, SearchInput, TextField } from "react-admin";
import { LtrTextField } from "../common/LtrTextField";
import { ListActions } from "../common/export/ListActions";
import { PersianNumberField } from "../common/PersianNumberField";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
];

/** The catalogue of demand categories (administrators keep it). */
export const DemandTopicList = () => (
  <List actions={<ListActions />} filters={filters} sort={{ field: "sortOrder", order: "ASC" }} perPage={50}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <PersianNumberField source="sortOrder" />
      <LtrTextField source="code" />
      <TextField source="name" />
      <TextField source="description" sortable={false} emptyText="—" />
      <BooleanField source="active" sortable={false} />
    </Datagrid>
  </List>
);
