import { List, NullableBooleanInput, ReferenceField, SearchInput, TextField, type RaRecord } from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { RoleField, RoleInput } from "./userEnums";
import { UserStatusField } from "./UserStatusField";
import { ListActions } from "../common/export/ListActions";
import { LtrTextField } from "../common/LtrTextField";
import { ResponsiveDatagrid } from "../common/ResponsiveDatagrid";

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <RoleInput key="role" source="role" alwaysOn />,
  <ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" />,
  <NullableBooleanInput key="disabled" source="disabled" />,
];

export const UserList = () => (
  <List actions={<ListActions />} filters={userFilters} sort={{ field: "username", order: "ASC" }}>
    <ResponsiveDatagrid
      rowClick="edit"
      bulkActionButtons={false}
      primaryText={(record: RaRecord) => record.displayName}
      secondaryText={<LtrTextField source="username" />}
      tertiaryText={<RoleField source="role" />}
    >
      <TextField source="username" />
      <TextField source="displayName" />
      <RoleField source="role" />
      <ReferenceField source="provinceId" reference="provinces" link={false} emptyText="—" />
      <ReferenceField source="countyId" reference="counties" link={false} sortable={false} emptyText="—" />
      <UserStatusField source="disabled" label="hamafza.users.status" sortable={false} />
      <JalaliDateField source="lastLoginAt" showTime emptyText="—" />
    </ResponsiveDatagrid>
  </List>
);
