import { Datagrid, List, ReferenceField, SearchInput, TextField } from "react-admin";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { AreaKindField, AreaKindInput } from "./areaEnums";
import { ListActions } from "../common/export/ListActions";
import { PersianNumberField } from "../common/PersianNumberField";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <AreaKindInput key="kind" source="kind" alwaysOn />,
  <ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
];

export const InformalSettlementAreaList = () => (
  <List actions={<ListActions />} filters={filters} sort={{ field: "name", order: "ASC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <AreaKindField source="kind" />
      <ReferenceField source="countyId" reference="counties" link={false} />
      <ReferenceField source="provinceId" reference="provinces" link={false} />
      <PersianNumberField source="estimatedPopulation" emptyText="—" />
    </Datagrid>
  </List>
);
