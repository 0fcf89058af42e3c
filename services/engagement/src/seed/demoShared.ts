import { parseJalaliDate, tehranMidnight } from "@hamafza/common";

/** What the engagement demo's parts share: Jalali days and Tehran instants, and the NGO representatives' names. */
export const day = parseJalaliDate;
/** An instant on a Jalali day at a Tehran wall-clock hour. */
export const at = (jalali: string, hour = 10): Date => {
  const [y, m, d] = jalali.split("/").map(Number);
  return new Date(tehranMidnight(y, m, d).getTime() + hour * 3_600_000);
};

export const REPRESENTATIVES = [
  "مریم احمدی",
  "علی کاظمی",
  "زهرا صادقی",
  "حسین مرادی",
  "فاطمه نجفی",
  "رضا یوسفی",
  "سمیه کریمی",
  "محمد عباسی",
];
