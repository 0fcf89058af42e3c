import ChevronLeftIcon from "@mui/icons-material/ChevronLeft";
import ChevronRightIcon from "@mui/icons-material/ChevronRight";
import ListIcon from "@mui/icons-material/List";
import Box from "@mui/material/Box";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import IconButton from "@mui/material/IconButton";
import LinearProgress from "@mui/material/LinearProgress";
import MuiLink from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { Button, Title, useGetList, useLocation, useNavigate, type RaRecord, useTranslate } from "react-admin";
import { toPersianDigits } from "../common/persianDigits";
import { MEETING_CALENDAR_PATH } from "./paths";
import {
  currentJalaliMonth,
  meetingsByDay,
  monthGrid,
  monthMeetingFilter,
  monthParam,
  monthTitle,
  parseMonthParam,
  shiftMonth,
  WEEKDAY_NAMES,
  type JalaliMonth,
} from "./calendarMonth";
import { MEETING_STATUS_LABELS } from "./meetingEnums";

const STATUS_COLORS: Record<string, "default" | "success" | "info" | "error"> = {
  PLANNED: "info",
  HELD: "success",
  CANCELLED: "error",
};

const MeetingChip = ({ meeting }: { meeting: RaRecord }) => (
  <Box data-testid="calendar-meeting" sx={{ mb: 0.5 }}>
    <MuiLink href={`#/meetings/${meeting.id}/show`} underline="hover" variant="body2" sx={{ display: "block" }}>
      {meeting.title}
    </MuiLink>
    {meeting.status && (
      <Chip
        size="small"
        variant="outlined"
        color={STATUS_COLORS[meeting.status] ?? "default"}
        label={MEETING_STATUS_LABELS[meeting.status as keyof typeof MEETING_STATUS_LABELS] ?? meeting.status}
      />
    )}
  </Box>
);

/** One Jalali month of meetings, Saturday to Friday. The month is in the URL: `?month=1404-08`. */
export const MeetingCalendar = () => {
  const translate = useTranslate();
  const location = useLocation();
  const navigate = useNavigate();
  const month: JalaliMonth = parseMonthParam(new URLSearchParams(location.search).get("month")) ?? currentJalaliMonth();
  const go = (target: JalaliMonth) => navigate(`${MEETING_CALENDAR_PATH}?month=${monthParam(target)}`);
  const { data, isPending, error } = useGetList("meetings", {
    filter: monthMeetingFilter(month),
    pagination: { page: 1, perPage: 200 },
    sort: { field: "scheduledAt", order: "ASC" },
  });
  const byDay = meetingsByDay(data ?? []);
  const grid = monthGrid(month);
  const title = monthTitle(month);

  return (
    <Card sx={{ mt: 2 }} data-testid="meeting-calendar">
      <Title title={translate("hamafza.meetings.calendarTitle", { month: title })} />
      <CardContent>
        <Stack direction="row" alignItems="center" justifyContent="space-between" sx={{ mb: 2 }}>
          <Stack direction="row" alignItems="center" spacing={1}>
            {/* RTL: the previous month is on the right. */}
            <IconButton
              aria-label={translate("hamafza.meetings.previousMonth")}
              onClick={() => go(shiftMonth(month, -1))}
            >
              <ChevronRightIcon />
            </IconButton>
            <Typography variant="h6" component="h2" data-testid="calendar-month">
              {title}
            </Typography>
            <IconButton aria-label={translate("hamafza.meetings.nextMonth")} onClick={() => go(shiftMonth(month, 1))}>
              <ChevronLeftIcon />
            </IconButton>
            <Button label="hamafza.meetings.currentMonth" onClick={() => go(currentJalaliMonth())} />
          </Stack>
          <Button label="hamafza.meetings.list" onClick={() => navigate("/meetings")}>
            <ListIcon />
          </Button>
        </Stack>
        {isPending && <LinearProgress />}
        {error && <Typography color="error">{translate("hamafza.meetings.loadFailed")}</Typography>}
        <Box
          component="table"
          dir="rtl"
          sx={{
            width: "100%",
            tableLayout: "fixed",
            borderCollapse: "collapse",
            "& td, & th": { border: 1, borderColor: "divider" },
          }}
        >
          <thead>
            <tr>
              {WEEKDAY_NAMES.map((name) => (
                <Box component="th" key={name} sx={{ p: 1, typography: "subtitle2" }}>
                  {name}
                </Box>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.weeks.map((week, row) => (
              <tr key={row}>
                {week.map((cell, column) => (
                  <Box
                    component="td"
                    key={column}
                    data-testid={cell ? `calendar-day-${cell.day}` : undefined}
                    sx={{ verticalAlign: "top", height: 110, p: 0.5, bgcolor: cell ? undefined : "action.hover" }}
                  >
                    {cell && (
                      <>
                        <Typography variant="caption" color="text.secondary" component="div">
                          {toPersianDigits(cell.day)}
                        </Typography>
                        {(byDay.get(cell.iso) ?? []).map((meeting) => (
                          <MeetingChip key={meeting.id} meeting={meeting} />
                        ))}
                      </>
                    )}
                  </Box>
                ))}
              </tr>
            ))}
          </tbody>
        </Box>
        {data && data.length >= 200 && (
          <Typography variant="caption" color="text.secondary">
            {translate("hamafza.meetings.first200")}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};
