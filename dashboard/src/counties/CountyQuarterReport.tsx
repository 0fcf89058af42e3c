import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import { useState } from "react";
import { useRecordContext, useTranslate } from "react-admin";
import { ReportButton } from "../common/ReportButton";
import { currentJalaliYear, jalaliYearChoices, QUARTER_LABELS } from "../engagement/periods";

/** The current Jalali quarter in Tehran (1–4), from the Jalali month of today. */
function currentQuarter(now = new Date()): number {
  const month = Number(
    new Intl.DateTimeFormat("en-u-ca-persian", { timeZone: "Asia/Tehran", month: "numeric" }).format(now),
  );
  return Math.min(4, Math.max(1, Math.ceil(month / 3)));
}

/** A county's quarterly engagement report: choose the Jalali year and quarter, then print the PDF. */
export const CountyQuarterReport = () => {
  const translate = useTranslate();
  const record = useRecordContext();
  const [year, setYear] = useState(currentJalaliYear());
  const [quarter, setQuarter] = useState(currentQuarter());
  if (!record) return null;
  return (
    <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap">
      <TextField
        select
        size="small"
        label={translate("hamafza.reports.year")}
        value={year}
        onChange={(event) => setYear(Number(event.target.value))}
      >
        {jalaliYearChoices().map((choice) => (
          <MenuItem key={choice.id} value={choice.id}>
            {choice.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={translate("hamafza.reports.quarter")}
        value={quarter}
        onChange={(event) => setQuarter(Number(event.target.value))}
      >
        {Object.entries(QUARTER_LABELS).map(([id, name]) => (
          <MenuItem key={id} value={Number(id)}>
            {name}
          </MenuItem>
        ))}
      </TextField>
      <ReportButton
        path={`/reports/counties/${record.id}.pdf?year=${year}&quarter=${quarter}`}
        fileName={`county-${record.id}-${year}-${quarter}.pdf`}
        label="hamafza.reports.printQuarter"
      />
    </Stack>
  );
};
