import CalendarMonthIcon from "@mui/icons-material/CalendarMonth";
import CircularProgress from "@mui/material/CircularProgress";
import IconButton from "@mui/material/IconButton";
import InputAdornment from "@mui/material/InputAdornment";
import Popover from "@mui/material/Popover";
import { lazy, Suspense, useRef, useState } from "react";
import { useTranslate } from "react-admin";
import type { JalaliCalendarProps } from "./JalaliCalendar";

// The picker (MUI X date pickers and the Jalali adapter) is fetched on the first opening, not with the page.
const JalaliCalendar = lazy(() => import("./JalaliCalendar").then((m) => ({ default: m.JalaliCalendar })));

/**
 * The calendar button at the end of a typed Jalali date input: it opens a Jalali month to click a day in; the day
 * clicked goes to `onPick` and the calendar closes. Typing the date stays possible beside it.
 */
export const JalaliCalendarButton = ({
  value,
  min,
  max,
  onPick,
  disabled,
}: JalaliCalendarProps & { disabled?: boolean }) => {
  const translate = useTranslate();
  const anchor = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <InputAdornment position="end">
      <IconButton
        ref={anchor}
        size="small"
        edge="end"
        disabled={disabled}
        aria-label={translate("hamafza.date.openCalendar")}
        data-testid="jalali-calendar-button"
        onClick={() => setOpen(true)}
      >
        <CalendarMonthIcon fontSize="small" />
      </IconButton>
      <Popover
        open={open}
        anchorEl={anchor.current}
        onClose={() => setOpen(false)}
        anchorOrigin={{ vertical: "bottom", horizontal: "right" }}
        transformOrigin={{ vertical: "top", horizontal: "right" }}
        slotProps={{ paper: { "data-testid": "jalali-calendar" } as object }}
      >
        <Suspense fallback={<CircularProgress sx={{ m: 4 }} aria-label={translate("hamafza.date.calendarLoading")} />}>
          <JalaliCalendar
            value={value}
            min={min}
            max={max}
            onPick={(iso) => {
              setOpen(false);
              onPick(iso);
            }}
          />
        </Suspense>
      </Popover>
    </InputAdornment>
  );
};
