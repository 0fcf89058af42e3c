import { Datagrid, List, NullableBooleanInput, ReferenceField, SearchInput, TextField } from "react-admin";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { AgencyKindField, AgencyKindInput } from "./agencyEnums";
import { ListActions } from "../common/export/ListActions";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <AgencyKindInput key="kind" source="kind" alwaysOn />,
  <ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
  <NullableBooleanInput key="provincial" source="provincial" />,
];

export const AgencyList = () => (
  <List actions={<ListActions />} filters={filters} sort={{ field: "name", order: "ASC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <AgencyKindField source="kind" />
      <ReferenceField source="provinceId" reference="provinces" link={false} />
      <ReferenceField source="countyId" reference="counties" link={false} emptyText="—" />
    </Datagrid>
  </List>
);
