import { FieldProblem, invalidInput } from "./errors";
import { InvalidScalarValue } from "./scalars";

/**
 * Every argument value that a scalar could not read (see `InvalidScalarValue`), named by its path in the
 * arguments: `input.expiresOn`, `filter.expiresFrom`, `input.members[2].joinedOn`.
 */
export function invalidArgumentProblems(args: unknown, path = ""): FieldProblem[] {
  if (args instanceof InvalidScalarValue) return [{ field: path, message: args.message }];
  if (Array.isArray(args)) return args.flatMap((item, index) => invalidArgumentProblems(item, `${path}[${index}]`));
  if (args !== null && typeof args === "object" && !(args instanceof Date)) {
    return Object.entries(args).flatMap(([key, value]) => invalidArgumentProblems(value, path ? `${path}.${key}` : key));
  }
  return [];
}

/** Refuses the request (BAD_USER_INPUT listing every field) when any argument holds an unreadable value. */
export function assertReadableArguments(args: unknown): void {
  const problems = invalidArgumentProblems(args);
  if (problems.length) throw invalidInput(problems);
}
