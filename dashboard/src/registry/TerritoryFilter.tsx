import Box from "@mui/material/Box";
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import type { ReactNode } from "react";
import { useGetList, useTranslate } from "react-admin";

export interface TerritoryFilterValue {
  provinceId?: string;
  countyId?: string;
}

/** Province and county pickers for the analysis pages (the county list follows the province). */
export const TerritoryFilter = ({
  value,
  onChange,
  children,
}: {
  value: TerritoryFilterValue;
  onChange: (value: TerritoryFilterValue) => void;
  children?: ReactNode;
}) => {
  const translate = useTranslate();
  const { data: provinces = [] } = useGetList("provinces", {
    pagination: { page: 1, perPage: 50 },
    sort: { field: "name", order: "ASC" },
  });
  const { data: counties = [] } = useGetList(
    "counties",
    {
      pagination: { page: 1, perPage: 100 },
      sort: { field: "name", order: "ASC" },
      filter: { provinceId: value.provinceId },
    },
    { enabled: Boolean(value.provinceId) },
  );
  return (
    <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2, alignItems: "center" }}>
      <TextField
        fullWidth={false}
        select
        size="small"
        label={translate("resources.ngos.fields.provinceId")}
        value={value.provinceId ?? ""}
        onChange={(event) => onChange({ provinceId: event.target.value || undefined })}
        sx={{ minWidth: 200 }}
      >
        <MenuItem value="">{translate("hamafza.analysis.all")}</MenuItem>
        {provinces.map((province) => (
          <MenuItem key={province.id} value={province.id}>
            {province.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        fullWidth={false}
        select
        size="small"
        label={translate("resources.ngos.fields.countyId")}
        value={value.countyId ?? ""}
        disabled={!value.provinceId}
        onChange={(event) => onChange({ ...value, countyId: event.target.value || undefined })}
        sx={{ minWidth: 200 }}
      >
        <MenuItem value="">{translate("hamafza.analysis.all")}</MenuItem>
        {counties.map((county) => (
          <MenuItem key={county.id} value={county.id}>
            {county.name}
          </MenuItem>
        ))}
      </TextField>
      {children}
    </Box>
  );
};
