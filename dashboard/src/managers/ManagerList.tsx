import {
  BooleanField,
  List,
  NullableBooleanInput,
  NumberInput,
  ReferenceField,
  SearchInput,
  TextField,
  type RaRecord,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { PositionKindField, PositionKindInput } from "./managerEnums";
import { ListActions } from "../common/export/ListActions";
import { ResponsiveDatagrid } from "../common/ResponsiveDatagrid";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NullableBooleanInput key="current" source="current" alwaysOn />,
  <PositionKindInput key="positionKind" source="positionKind" />,
  <ReferenceFilterInput key="agencyId" source="agencyId" reference="agencies" />,
  <ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
  <NumberInput key="tenureInJalaliYear" source="tenureInJalaliYear" />,
];

/** Managers (county governors, directors-general …) with their tenures, current and past. */
export const ManagerList = () => (
  <List actions={<ListActions />} filters={filters} sort={{ field: "name", order: "ASC" }}>
    <ResponsiveDatagrid
      rowClick="show"
      bulkActionButtons={false}
      primaryText={(record: RaRecord) => record.name}
      secondaryText={(record: RaRecord) => record.position}
    >
      <TextField source="name" />
      <TextField source="position" />
      <PositionKindField source="positionKind" />
      <ReferenceField source="agencyId" reference="agencies" link={false} sortable={false} />
      <JalaliDateField source="tenureStart" />
      <JalaliDateField source="tenureEnd" emptyText="—" />
      <BooleanField source="isCurrent" sortable={false} />
    </ResponsiveDatagrid>
  </List>
);
