import { toPersianDigits } from "@hamafza/common";
import { IndicatorCode, IndicatorSpec, QualifyingRules } from "./scoringTypes";

/**
 * The 1404 rubric's qualifying thresholds, in one place: what of the raw engagement facts counts (see
 * `qualifying.ts`). A run stores the thresholds it used in its snapshot, so a later change here never changes an old
 * run's results.
 */
export const QUALIFYING_RULES: Readonly<QualifyingRules> = Object.freeze({
  minWorkingGroupSessions: 2,
  responseDays: 30,
});

/** The meeting kind whose meetings count for REGULARITY and PROBLEM_FOCUS. */
export const REGULARITY_MEETING_KIND = "QUARTERLY_PROBLEM_CENTRED";

const COUNT_WORDS: Record<number, string> = { 1: "یک", 2: "دو", 3: "سه", 4: "چهار", 5: "پنج" };
const timesWord = (n: number) => COUNT_WORDS[n] ?? toPersianDigits(n);

/** The 1404 rubric: its indicators, the default weights and targets, and what makes a rubric valid. */
export const INDICATOR_CODES: IndicatorCode[] = [
  "REGULARITY",
  "PROBLEM_FOCUS",
  "NGO_REACH",
  "FOLLOW_THROUGH",
  "PARTICIPATION",
  "RESPONSIVENESS",
];

/** Count targets are prorated by tenure quarters; share targets (percentages) are not. */
export const PRORATED: ReadonlySet<IndicatorCode> = new Set(["REGULARITY", "PARTICIPATION"]);

export const DEFAULT_RUBRIC: IndicatorSpec[] = [
  {
    code: "REGULARITY",
    title: "منظم بودن نشست‌های مسئله‌محور",
    definition: "فصل‌های سال که دست‌کم یک نشست فصلی مسئله‌محور به ریاست مدیر با حضور دست‌کم یک سمن برگزار شده است.",
    weight: 30,
    target: 4,
    unit: "فصل",
    rule: "LINEAR",
    bands: [],
  },
  {
    code: "PROBLEM_FOCUS",
    title: "مسئله‌محوری نشست‌ها",
    definition:
      "سهم نشست‌های شمارش‌شده که دست‌کم یک دستور جلسه مرتبط با آسیب اجتماعی یا مطالبه سمن و دست‌کم یک مصوبه داشته‌اند.",
    weight: 15,
    target: 80,
    unit: "درصد",
    rule: "LINEAR",
    bands: [],
  },
  {
    code: "NGO_REACH",
    title: "گستره مشارکت سمن‌ها",
    definition:
      "سمن‌های متمایز دارای مجوز معتبر در تاریخ نشست که در نشست‌های مدیر حضور داشته‌اند، نسبت به سمن‌های فعال قلمرو مدیر.",
    weight: 15,
    target: 20,
    unit: "درصد",
    rule: "LINEAR",
    bands: [],
  },
  {
    code: "FOLLOW_THROUGH",
    title: "پیگیری مصوبات",
    definition: "مصوبات با مسئولیت مدیر یا دستگاه او که مهلتشان در سال است و تا مهلت انجام شده‌اند.",
    weight: 20,
    target: 90,
    unit: "درصد",
    rule: "LINEAR",
    bands: [],
  },
  {
    code: "PARTICIPATION",
    title: "کارگروه‌های مشارکتی",
    definition: `کارگروه‌هایی به ریاست دستگاه مدیر که عضو سمن دارند و در سال دست‌کم ${timesWord(QUALIFYING_RULES.minWorkingGroupSessions)} بار تشکیل جلسه داده‌اند.`,
    weight: 10,
    target: 2,
    unit: "کارگروه",
    rule: "LINEAR",
    bands: [],
  },
  {
    code: "RESPONSIVENESS",
    title: "پاسخگویی به سمن‌ها",
    definition: `پیشنهادها و مطالبات سمن‌ها که به دستگاه مدیر ارجاع شده و ظرف ${toPersianDigits(QUALIFYING_RULES.responseDays)} روز پاسخ گرفته‌اند.`,
    weight: 10,
    target: 90,
    unit: "درصد",
    rule: "LINEAR",
    bands: [],
  },
];

/** Persian problems of a rubric (empty when valid): six known distinct codes, positive targets, weights summing to 100, bands in order. */
export function rubricProblems(indicators: IndicatorSpec[]): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const codes = indicators.map((i) => i.code);
  if (new Set(codes).size !== codes.length || codes.some((c) => !INDICATOR_CODES.includes(c))) {
    problems.push({ field: "indicators", message: "کد شاخص‌ها باید یکتا و از شاخص‌های تعریف‌شده باشد." });
  }
  indicators.forEach((i, n) => {
    if (!(i.weight >= 0 && i.weight <= 100))
      problems.push({ field: `indicators.${n}.weight`, message: "وزن هر شاخص باید بین ۰ و ۱۰۰ باشد." });
    if (!(i.target > 0))
      problems.push({ field: `indicators.${n}.target`, message: "هدف هر شاخص باید بیشتر از صفر باشد." });
    if (!i.title?.trim()) problems.push({ field: `indicators.${n}.title`, message: "عنوان شاخص را وارد کنید." });
    if (i.rule === "BANDED") {
      const ok =
        i.bands.length > 0 &&
        i.bands.every(
          (b, k) => b.score >= 0 && b.score <= 100 && (k === 0 || b.minAchievement > i.bands[k - 1].minAchievement),
        );
      if (!ok)
        problems.push({
          field: `indicators.${n}.bands`,
          message: "بازه‌های امتیاز باید به ترتیب صعودی و امتیازها بین ۰ و ۱۰۰ باشند.",
        });
    }
  });
  const sum = indicators.reduce((s, i) => s + i.weight, 0);
  if (Math.abs(sum - 100) > 1e-9)
    problems.push({ field: "indicators", message: `مجموع وزن شاخص‌ها باید ۱۰۰ باشد (اکنون ${sum}).` });
  return problems;
}
