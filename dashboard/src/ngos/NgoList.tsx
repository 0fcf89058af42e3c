import UploadFileIcon from "@mui/icons-material/UploadFile";
import {
  Button,
  CreateButton,
  FilterButton,
  LinkBase,
  List,
  ReferenceField,
  SearchInput,
  TextField,
  TopToolbar,
  useCanAccess,
  type RaRecord,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { LtrTextField } from "../common/LtrTextField";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { LicenceStateChip, LicenceStateInput } from "../licences/licenceEnums";
import { NGO_IMPORT_PATH } from "./paths";
import { NgoScopeField, NgoScopeInput, NgoStatusChip, NgoStatusInput } from "./ngoStatus";
import { ExportButton } from "../common/export/ExportButton";
import { ResponsiveDatagrid } from "../common/ResponsiveDatagrid";

const ngoFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NgoStatusInput key="status" source="status" alwaysOn />,
  <LicenceStateInput key="licenceState" source="licenceState" />,
  <NgoScopeInput key="scope" source="scope" />,
  <ReferenceFilterInput key="fieldId" source="fieldId" reference="fieldsOfActivity" />,
  <ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
];

/** Link to the CSV import (officers). */
export const ImportNgosButton = () => {
  const { canAccess } = useCanAccess({ resource: "ngos", action: "import" });
  if (!canAccess) return null;
  return (
    <Button component={LinkBase} to={NGO_IMPORT_PATH} label="hamafza.import.button">
      <UploadFileIcon />
    </Button>
  );
};

const NgoListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ImportNgosButton />
    <ExportButton />
  </TopToolbar>
);

/**
 * NGOs of the user's territory. The search finds Persian spelling variants (ي/ی, ك/ک, with or without ZWNJ) and
 * close spellings, best match first unless a column is sorted.
 */
export const NgoList = () => (
  <List filters={ngoFilters} actions={<NgoListActions />} sort={{ field: "name", order: "ASC" }}>
    <ResponsiveDatagrid
      rowClick="show"
      bulkActionButtons={false}
      primaryText={(record: RaRecord) => record.name}
      secondaryText={<ReferenceField source="countyId" reference="counties" link={false} />}
      tertiaryText={<NgoStatusChip source="status" />}
    >
      <TextField source="name" />
      <LtrTextField source="nationalId" />
      <ReferenceField source="countyId" reference="counties" link={false} />
      <NgoScopeField source="scope" />
      <NgoStatusChip source="status" label="resources.ngos.fields.status" />
      <LicenceStateChip source="licenceState" label="resources.ngos.fields.licenceState" sortable={false} />
      <JalaliDateField source="foundedOn" />
    </ResponsiveDatagrid>
  </List>
);
