import { Datagrid, List, SearchInput, TextField, useCanAccess } from "react-admin";
import { LtrTextField } from "../common/LtrTextField";
import { ListActions } from "../common/export/ListActions";
import { PersianNumberField } from "../common/PersianNumberField";

const filters = [<SearchInput key="q" source="q" alwaysOn />];

/** The taxonomy of fields of activity, in pick-list order; administrators edit it. */
export const FieldOfActivityList = () => {
  const { canAccess } = useCanAccess({ resource: "fieldsOfActivity", action: "edit" });
  return (
    <List actions={<ListActions />} filters={filters} sort={{ field: "sortOrder", order: "ASC" }} perPage={50}>
      <Datagrid rowClick={canAccess ? "edit" : "show"} bulkActionButtons={false}>
        <PersianNumberField source="sortOrder" />
        <TextField source="name" />
        <LtrTextField source="code" sortable />
        <TextField source="description" emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  );
};
