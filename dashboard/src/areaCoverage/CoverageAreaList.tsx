import { Datagrid, List, ReferenceField, TextField, useTranslate } from "react-admin";
import Typography from "@mui/material/Typography";
import { JalaliDateField } from "../common/JalaliDateField";
import { PersianNumberField } from "../common/PersianNumberField";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { ListActions } from "../common/export/ListActions";
import { AreaKindField, AreaKindInput } from "../informalSettlementAreas/areaEnums";

const filters = [
  <AreaKindInput key="kind" source="kind" alwaysOn />,
  <ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
];

/**
 * A coverage gap as a list of informal-settlement areas (no facilitation office, no NGO, due for a needs
 * assessment): one screen for the three resources, each row opening the area.
 */
export const CoverageAreaList = ({ help }: { help?: string }) => {
  const translate = useTranslate();
  return (
    <List actions={<ListActions />} filters={filters} sort={{ field: "name", order: "ASC" }}>
      {help && (
        <Typography variant="body2" sx={{ px: 2, pt: 1 }}>
          {translate(help)}
        </Typography>
      )}
      <Datagrid rowClick={(id) => `/informalSettlementAreas/${id}/show`} bulkActionButtons={false}>
        <TextField source="name" />
        <AreaKindField source="kind" />
        <ReferenceField source="countyId" reference="counties" link={false} />
        <ReferenceField source="provinceId" reference="provinces" link={false} />
        <PersianNumberField source="estimatedPopulation" emptyText="—" />
        <JalaliDateField source="lastNeedsAssessedOn" emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  );
};
