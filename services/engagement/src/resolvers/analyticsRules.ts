import { AppError, ErrorCode, Validator } from "@hamafza/common";
import { isSupportedJalaliYear, UNSUPPORTED_JALALI_YEAR_MESSAGE } from "@hamafza/common";

export function checkYears(from: number, to: number): void {
  const v = new Validator();
  v.check(isSupportedJalaliYear(from), "fromYear", UNSUPPORTED_JALALI_YEAR_MESSAGE);
  v.check(
    isSupportedJalaliYear(to) && to >= from && to - from <= 10,
    "toYear",
    "بازه سال‌ها باید حداکثر ده سال و رو به جلو باشد.",
  );
  v.done();
}

export function checkQuarter(quarter: number | undefined | null): void {
  if (quarter !== undefined && quarter !== null && ![1, 2, 3, 4].includes(quarter)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "فصل باید بین ۱ و ۴ باشد.", {
      fields: [{ field: "quarter", message: "فصل باید بین ۱ و ۴ باشد." }],
    });
  }
}

export const rate = (numerator: number, denominator: number) =>
  denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;
