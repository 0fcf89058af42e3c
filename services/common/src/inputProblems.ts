import { FieldProblem, invalidInput } from "./errors";
import { InvalidScalarValue } from "./scalars";

/**
 * Every argument value that a scalar could not read (see `InvalidScalarValue`), named as the validators name
 * fields: inside the `input` argument by their path in it (`expiresOn`, `members[2].joinedOn`, as the dashboard's
 * form fields are named), elsewhere by the argument's path (`endedOn`, `filter.expiresFrom`).
 */
export function invalidArgumentProblems(args: unknown, path = ""): FieldProblem[] {
  if (path === "" && args !== null && typeof args === "object" && "input" in args) {
    const { input, ...others } = args as Record<string, unknown>;
    return [...fieldProblems(input, ""), ...fieldProblems(others, "")];
  }
  return fieldProblems(args, path);
}

function fieldProblems(args: unknown, path: string): FieldProblem[] {
  if (args instanceof InvalidScalarValue) return [{ field: path, message: args.message }];
  if (Array.isArray(args)) return args.flatMap((item, index) => fieldProblems(item, `${path}[${index}]`));
  if (args !== null && typeof args === "object" && !(args instanceof Date)) {
    return Object.entries(args).flatMap(([key, value]) => fieldProblems(value, path ? `${path}.${key}` : key));
  }
  return [];
}

/** Refuses the request (BAD_USER_INPUT listing every field) when any argument holds an unreadable value. */
export function assertReadableArguments(args: unknown): void {
  const problems = invalidArgumentProblems(args);
  if (problems.length) throw invalidInput(problems);
}
