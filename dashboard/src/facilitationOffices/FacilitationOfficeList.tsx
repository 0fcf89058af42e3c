import {
  BooleanField,
  Datagrid,
  List,
  NullableBooleanInput,
  ReferenceField,
  SearchInput,
  TextField,
  useTranslate,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { ListActions } from "../common/export/ListActions";

/** «بدون فضای اختصاصی» is `hasDedicatedSpace: false`, the problem seed 004 names. */
const DedicatedSpaceFilter = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return (
    <NullableBooleanInput
      {...props}
      trueLabel={translate("hamafza.facilitationOffices.withSpace")}
      falseLabel={translate("hamafza.facilitationOffices.withoutSpace")}
      sx={{ minWidth: 200 }}
    />
  );
};

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <DedicatedSpaceFilter key="hasDedicatedSpace" source="hasDedicatedSpace" alwaysOn />,
  <ReferenceFilterInput key="areaId" source="areaId" reference="informalSettlementAreas" />,
  <ReferenceFilterInput key="partnerAgencyId" source="partnerAgencyId" reference="agencies" />,
  <ReferenceFilterInput key="operatorNgoId" source="operatorNgoId" reference="ngos" />,
  <ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
];

export const FacilitationOfficeList = () => (
  <List actions={<ListActions />} filters={filters} sort={{ field: "name", order: "ASC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="area.name" label="resources.facilitationOffices.fields.areaId" sortable={false} />
      <ReferenceField source="countyId" reference="counties" link={false} />
      <ReferenceField source="partnerAgencyId" reference="agencies" link={false} sortable={false} />
      <JalaliDateField source="openedOn" />
      <BooleanField source="hasDedicatedSpace" />
    </Datagrid>
  </List>
);
