import { GraphQLError } from "graphql";
import { createServiceDataSource, ErrorCode, formatError, integerSetting, TOO_SLOW_MESSAGE } from "@hamafza/common";
import { createTestDatabase } from "@hamafza/common/testing";

describe("statement timeout on every database session", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase("timeouts");
  });
  afterAll(async () => database?.drop());

  it("cancels a statement that runs too long, and the answer is SERVICE_UNAVAILABLE in Persian, not INTERNAL", async () => {
    const db = createServiceDataSource({
      url: database.serviceUrls.registry,
      schema: "registry",
      entities: [],
      migrations: [],
      statementTimeoutMs: 200,
    });
    await db.initialize();
    try {
      expect((await db.query("SHOW statement_timeout"))[0].statement_timeout).toBe("200ms");
      expect((await db.query("SHOW idle_in_transaction_session_timeout"))[0].idle_in_transaction_session_timeout).toBe(
        "400ms",
      );
      const failure = await db.query("SELECT pg_sleep(2)").then(
        () => null,
        (error: unknown) => error,
      );
      expect((failure as { driverError?: { code?: string } }).driverError?.code).toBe("57014");
      const wrapped = new GraphQLError("canceling statement due to statement timeout", {
        originalError: failure as Error,
      });
      expect(formatError({ message: wrapped.message, extensions: { code: "INTERNAL_SERVER_ERROR" } }, wrapped)).toEqual(
        {
          message: TOO_SLOW_MESSAGE,
          extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
        },
      );
    } finally {
      await db.destroy();
    }
  });
});

describe("integer settings", () => {
  it("reads a whole number in range and refuses anything else naming the variable", () => {
    expect(integerSetting("X_MS", 5, { min: 1, max: 10 }, {})).toBe(5);
    expect(integerSetting("X_MS", 5, { min: 1, max: 10 }, { X_MS: "7" })).toBe(7);
    for (const bad of ["abc", "7.5", "0", "11", "1e9"]) {
      expect(() => integerSetting("X_MS", 5, { min: 1, max: 10 }, { X_MS: bad })).toThrow(
        `X_MS: expected a whole number from 1 to 10, got "${bad}"`,
      );
    }
  });
});
