import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import { useTranslate } from "react-admin";
import { toPersianDigits } from "../common/persianDigits";
import { jalaliYearChoices } from "../engagement/periods";
import { currentJalaliQuarter } from "../home/period";
import { MEETING_KIND_LABELS } from "../meetings/meetingEnums";
import { TerritoryFilter } from "../registry/TerritoryFilter";
import type { Report, ReportFilters as Filters } from "./reportTypes";

const GROUP_BY = ["FIELD", "LICENCE_STATE", "STATUS", "SCOPE", "PROVINCE", "COUNTY"];

/** A report's filters: territory, Jalali year and quarter, and what else its query takes. */
export const ReportFilters = ({
  report,
  value,
  onChange,
}: {
  report: Report;
  value: Filters;
  onChange: (value: Filters) => void;
}) => {
  const translate = useTranslate();
  const has = (name: Report["filters"][number]) => report.filters.includes(name);
  const select = (label: string, current: string | number | undefined, minWidth = 150) => ({
    select: true,
    size: "small" as const,
    fullWidth: false,
    label: translate(label),
    value: current ?? "",
    sx: { minWidth },
  });
  const territory = has("territory") ? { provinceId: value.provinceId, countyId: value.countyId } : {};
  return (
    <TerritoryFilter
      value={territory}
      onChange={(next) => onChange({ ...value, provinceId: next.provinceId, countyId: next.countyId })}
    >
      {(has("year") || has("optionalYear")) && (
        <TextField
          {...select("hamafza.home.year", value.year || "", 110)}
          onChange={(event) => onChange({ ...value, year: Number(event.target.value) || 0 })}
        >
          {has("optionalYear") && <MenuItem value="">{translate("hamafza.analysis.all")}</MenuItem>}
          {jalaliYearChoices().map((year) => (
            <MenuItem key={year.id} value={year.id}>
              {toPersianDigits(year.id)}
            </MenuItem>
          ))}
        </TextField>
      )}
      {(has("quarter") || has("requiredQuarter")) && (
        <TextField
          {...select(
            "hamafza.home.quarter",
            value.quarter ?? (has("requiredQuarter") ? currentJalaliQuarter().quarter : ""),
          )}
          onChange={(event) => onChange({ ...value, quarter: Number(event.target.value) || undefined })}
        >
          {has("quarter") && <MenuItem value="">{translate("hamafza.analysis.all")}</MenuItem>}
          {[1, 2, 3, 4].map((quarter) => (
            <MenuItem key={quarter} value={quarter}>
              {translate(`hamafza.home.quarters.${quarter}`)}
            </MenuItem>
          ))}
        </TextField>
      )}
      {has("kind") && (
        <TextField
          {...select(
            "hamafza.analytics.kind",
            value.kind ?? (report.key === "meetingRhythm" ? "NGO_EXCHANGE" : ""),
            220,
          )}
          onChange={(event) => onChange({ ...value, kind: event.target.value || undefined })}
        >
          {report.key !== "meetingRhythm" && <MenuItem value="">{translate("hamafza.analysis.all")}</MenuItem>}
          {Object.entries(MEETING_KIND_LABELS).map(([kind, label]) => (
            <MenuItem key={kind} value={kind}>
              {label}
            </MenuItem>
          ))}
        </TextField>
      )}
      {has("groupBy") && (
        <TextField
          {...select("hamafza.analytics.groupBy", value.groupBy ?? "FIELD", 180)}
          onChange={(event) => onChange({ ...value, groupBy: event.target.value })}
        >
          {GROUP_BY.map((dimension) => (
            <MenuItem key={dimension} value={dimension}>
              {translate(`hamafza.analytics.dimensions.${dimension}`)}
            </MenuItem>
          ))}
        </TextField>
      )}
      {has("q") && (
        <TextField
          size="small"
          fullWidth={false}
          label={translate("hamafza.analytics.topic")}
          defaultValue={value.q ?? ""}
          onBlur={(event) => onChange({ ...value, q: event.target.value.trim() || undefined })}
          onKeyDown={(event) => {
            if (event.key === "Enter")
              onChange({ ...value, q: (event.target as HTMLInputElement).value.trim() || undefined });
          }}
        />
      )}
    </TerritoryFilter>
  );
};
