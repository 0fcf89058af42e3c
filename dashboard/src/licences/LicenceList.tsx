import {
  BooleanInput,
  List,
  ReferenceField,
  SearchInput,
  type SearchInputProps,
  TextField,
  useTranslate,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { LtrTextField } from "../common/LtrTextField";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { AuthorityInput, LicenceStateChip, LicenceStatesInput } from "./licenceEnums";
import { AuthorityText, DaysToExpiryField } from "./LicenceFields";
import { ListActions } from "../common/export/ListActions";
import { ResponsiveDatagrid } from "../common/ResponsiveDatagrid";

/** The search box, its placeholder translated when drawn (the screens' messages arrive with the first page). */
const LicenceNumberSearch = (props: SearchInputProps) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate("hamafza.registry.licenceNumber")} />;
};

const licenceFilters = [
  <LicenceNumberSearch key="q" source="q" alwaysOn />,
  <LicenceStatesInput key="states" source="states" alwaysOn sx={{ minWidth: 240 }} />,
  <BooleanInput key="currentOnly" source="currentOnly" alwaysOn />,
  <AuthorityInput key="authority" source="authority" />,
  <ReferenceFilterInput key="ngoId" source="ngoId" reference="ngos" />,
  <ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
  <JalaliDateInput key="expiresFrom" source="expiresFrom" helperText={false} />,
  <JalaliDateInput key="expiresTo" source="expiresTo" helperText={false} />,
];

/** Licences, soonest expiry first; «در آستانه انقضا» and «منقضی» are filters on the state today. */
export const LicenceList = () => (
  <List
    actions={<ListActions />}
    filters={licenceFilters}
    filterDefaultValues={{ currentOnly: true }}
    sort={{ field: "expiresOn", order: "ASC" }}
  >
    <ResponsiveDatagrid
      rowClick="show"
      bulkActionButtons={false}
      primaryText={<LtrTextField source="number" />}
      secondaryText={<ReferenceField source="ngoId" reference="ngos" link={false} />}
      tertiaryText={<LicenceStateChip source="state" />}
    >
      <LtrTextField source="number" />
      <ReferenceField source="ngoId" reference="ngos" link="show" sortable={false} />
      <AuthorityText source="authority" label="resources.licences.fields.authority" sortable={false} />
      <JalaliDateField source="issuedOn" />
      <JalaliDateField source="expiresOn" />
      <DaysToExpiryField source="daysToExpiry" label="resources.licences.fields.daysToExpiry" sortable={false} />
      <LicenceStateChip source="state" label="resources.licences.fields.state" sortable={false} />
      <TextField source="statusReason" emptyText="" sortable={false} />
    </ResponsiveDatagrid>
  </List>
);
