import { GraphQLError } from "graphql";
import { AppError, ErrorCode, formatError, INTERNAL_MESSAGE } from "@hamafza/common";

describe("formatError", () => {
  it("passes an AppError with its code and Persian message", () => {
    const error = new AppError(ErrorCode.NOT_FOUND, "پیدا نشد.");
    const formatted = formatError(
      { message: error.message, extensions: { ...error.extensions, stacktrace: ["at x"] } },
      error,
    );
    expect(formatted).toEqual({ message: "پیدا نشد.", extensions: { code: "NOT_FOUND" } });
  });

  it("masks unexpected errors without leaking the message or stack", () => {
    const original = new GraphQLError('relation "ngo" does not exist', { originalError: new Error("db") });
    const formatted = formatError(
      { message: original.message, extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["at db"] } },
      original,
    );
    expect(formatted.message).toBe(INTERNAL_MESSAGE);
    expect(formatted.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
  });
});
