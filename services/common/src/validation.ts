import { FieldProblem, invalidInput } from "./errors";

// One formatter for every call: building one per toLocaleString call is slow (seconds over a 5,000-row import).
const PERSIAN_DIGITS = new Intl.NumberFormat("fa-IR", { useGrouping: false });
const fa = (n: number) => PERSIAN_DIGITS.format(n);

/**
 * Collects field problems and throws them together, so the user sees every mistake of a form at once.
 */
export class Validator {
  private readonly problems: FieldProblem[] = [];

  check(condition: boolean, field: string, message: string): this {
    if (!condition) this.problems.push({ field, message });
    return this;
  }

  /** Required non-empty text of bounded length (after trimming). */
  text(
    value: string | null | undefined,
    field: string,
    label: string,
    { min = 1, max = 500, required = true } = {},
  ): this {
    if (value === undefined || value === null) return this.check(!required, field, `${label} را وارد کنید.`);
    const length = value.trim().length;
    if (required && length === 0) return this.check(false, field, `${label} را وارد کنید.`);
    if (length === 0 || (length >= min && length <= max)) return this;
    return this.check(false, field, `${label} باید بین ${fa(min)} و ${fa(max)} نویسه باشد.`);
  }

  nonNegativeInt(value: number | null | undefined, field: string, label: string): this {
    if (value === undefined || value === null) return this;
    return this.check(Number.isInteger(value) && value >= 0, field, `${label} باید عددی صحیح و نامنفی باشد.`);
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Throws BAD_USER_INPUT with every problem found, or returns. */
  done(): void {
    if (this.problems.length > 0) throw invalidInput(this.problems);
  }
}
