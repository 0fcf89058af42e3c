import { AdapterDateFnsJalali } from "@mui/x-date-pickers/AdapterDateFnsJalali";
import { DateCalendar } from "@mui/x-date-pickers/DateCalendar";
import { LocalizationProvider } from "@mui/x-date-pickers/LocalizationProvider";
import { faIR } from "@mui/x-date-pickers/locales";
import { isoDayToPickerDate, pickerDateToIsoDay } from "./jalaliInput";
import { toPersianDigits } from "./persianDigits";
import { jalaliTexts } from "../messages/common";

/**
 * MUI's Jalali adapter with Persian digits everywhere: it writes day numbers in Persian digits itself, but formats
 * (the month-and-year header, the years) come out of date-fns-jalali in Latin digits.
 */
class PersianJalaliAdapter extends AdapterDateFnsJalali {
  constructor() {
    super();
    const latin = this.formatByString;
    this.formatByString = (value, format) => toPersianDigits(latin(value, format));
  }
}

const localeText = faIR.components.MuiLocalizationProvider.defaultProps.localeText;

/** A column's weekday as its initial (ش ی د س چ پ ج): the picker's own takes the first character of «۱ش». */
const weekdayInitial = (date: Date) => jalaliTexts.weekdayNames[(date.getDay() + 1) % 7].charAt(0);

export interface JalaliCalendarProps {
  /** The chosen day (Gregorian ISO), if any. */
  value: string | null;
  /** Earliest and latest day that may be chosen (Gregorian ISO). */
  min?: string;
  max?: string;
  /** Called with the Gregorian ISO day clicked. */
  onPick: (iso: string) => void;
}

/**
 * A month of the Jalali calendar (Saturday first, Persian digits, RTL from the theme) to click a day in. Loaded only
 * when a date input's calendar is first opened (JalaliCalendarButton), so the picker is never in the first load.
 */
export const JalaliCalendar = ({ value, min, max, onPick }: JalaliCalendarProps) => (
  <LocalizationProvider dateAdapter={PersianJalaliAdapter} localeText={localeText}>
    <DateCalendar
      value={isoDayToPickerDate(value)}
      minDate={isoDayToPickerDate(min) ?? undefined}
      maxDate={isoDayToPickerDate(max) ?? undefined}
      views={["year", "month", "day"]}
      openTo="day"
      dayOfWeekFormatter={weekdayInitial}
      onChange={(date, selectionState) => {
        const iso = pickerDateToIsoDay(date);
        if (iso && selectionState === "finish") onPick(iso);
      }}
    />
  </LocalizationProvider>
);
