/** The meeting calendar's route (apart from calendarMonth.ts, so the menu does not pull the calendar's date code in). */
export const MEETING_CALENDAR_PATH = "/meetings/calendar";
