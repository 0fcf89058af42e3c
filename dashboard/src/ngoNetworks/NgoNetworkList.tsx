import { Datagrid, List, ReferenceField, SearchInput, TextField } from "react-admin";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { ListActions } from "../common/export/ListActions";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceFilterInput key="fieldId" source="fieldId" reference="fieldsOfActivity" />,
  <ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
  <ReferenceFilterInput key="ngoId" source="ngoId" reference="ngos" />,
];

export const NgoNetworkList = () => (
  <List actions={<ListActions />} filters={filters} sort={{ field: "name", order: "ASC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="field.name" label="resources.ngoNetworks.fields.fieldId" sortable={false} />
      <ReferenceField source="coordinatorNgoId" reference="ngos" link={false} sortable={false} emptyText="—" />
      <ReferenceField source="provinceId" reference="provinces" link={false} />
      <ReferenceField source="countyId" reference="counties" link={false} emptyText="hamafza.common.provincial" />
    </Datagrid>
  </List>
);
