import Box from "@mui/material/Box";
import MenuItem from "@mui/material/MenuItem";
import TextField from "@mui/material/TextField";
import { useTranslate } from "react-admin";
import { formatPersianNumber, toPersianDigits } from "../common/persianDigits";
import { jalaliYearChoices } from "../engagement/periods";
import type { JalaliQuarter } from "./period";

/** The home's period: a Jalali year and one of its quarters, in Persian digits. */
export const PeriodPicker = ({
  value,
  onChange,
}: {
  value: JalaliQuarter;
  onChange: (value: JalaliQuarter) => void;
}) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap" }} data-testid="period-picker">
      <TextField
        select
        size="small"
        fullWidth={false}
        label={translate("hamafza.home.year")}
        value={value.year}
        onChange={(event) => onChange({ ...value, year: Number(event.target.value) })}
        sx={{ minWidth: 120 }}
      >
        {jalaliYearChoices().map((year) => (
          <MenuItem key={year.id} value={year.id}>
            {toPersianDigits(year.id)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        fullWidth={false}
        label={translate("hamafza.home.quarter")}
        value={value.quarter}
        onChange={(event) => onChange({ ...value, quarter: Number(event.target.value) })}
        sx={{ minWidth: 160 }}
      >
        {[1, 2, 3, 4].map((quarter) => (
          <MenuItem key={quarter} value={quarter}>
            {translate(`hamafza.home.quarters.${quarter}`, { n: formatPersianNumber(quarter) })}
          </MenuItem>
        ))}
      </TextField>
    </Box>
  );
};
