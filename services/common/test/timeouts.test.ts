import { GraphQLError } from "graphql";
import {
  CONCURRENT_CHANGE_MESSAGE,
  createServiceDataSource,
  ErrorCode,
  formatError,
  integerSetting,
  TOO_SLOW_MESSAGE,
} from "@hamafza/common";
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

describe("a transaction PostgreSQL rolls back because of another one", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase("deadlocks");
  });
  afterAll(async () => database?.drop());

  it("a deadlock is SERVICE_UNAVAILABLE with a Persian 'try again', not INTERNAL, and writes nothing", async () => {
    const db = createServiceDataSource({
      url: database.serviceUrls.registry,
      schema: "registry",
      entities: [],
      migrations: [],
    });
    await db.initialize();
    try {
      await db.query("CREATE TABLE deadlock_probe (id int PRIMARY KEY, n int NOT NULL)");
      await db.query("INSERT INTO deadlock_probe VALUES (1, 0), (2, 0)");
      // Two transactions take the two rows in opposite orders: PostgreSQL aborts one of them (40P01).
      let firstHolds!: () => void;
      const firstHeld = new Promise<void>((go) => (firstHolds = go));
      let secondHolds!: () => void;
      const secondHeld = new Promise<void>((go) => (secondHolds = go));
      const crosswise = (first: number, second: number, held: () => void, other: Promise<unknown>) =>
        db
          .transaction(async (em) => {
            await em.query("UPDATE deadlock_probe SET n = n + 1 WHERE id = $1", [first]);
            held();
            await other;
            await em.query("UPDATE deadlock_probe SET n = n + 1 WHERE id = $1", [second]);
          })
          .then(
            () => null,
            (error: unknown) => error,
          );
      const outcomes = await Promise.all([
        crosswise(1, 2, firstHolds, secondHeld),
        crosswise(2, 1, secondHolds, firstHeld),
      ]);
      const failures = outcomes.filter((outcome) => outcome !== null);
      expect(failures).toHaveLength(1);
      expect((failures[0] as { driverError?: { code?: string } }).driverError?.code).toBe("40P01");
      const wrapped = new GraphQLError("deadlock detected", { originalError: failures[0] as Error });
      expect(formatError({ message: wrapped.message, extensions: { code: "INTERNAL_SERVER_ERROR" } }, wrapped)).toEqual(
        { message: CONCURRENT_CHANGE_MESSAGE, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } },
      );
      // The aborted transaction wrote nothing: each row was incremented by the winner only.
      expect(await db.query("SELECT id, n FROM deadlock_probe ORDER BY id")).toEqual([
        { id: 1, n: 1 },
        { id: 2, n: 1 },
      ]);
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
