import {
  AppError,
  assertVersion,
  checkIdempotencyKey,
  claimForWrite,
  invalidTransition,
  persianDateTime,
  requestHash,
  RequestContext,
  Role,
  stableJson,
  staleVersion,
} from "../src";

const ctx = {
  user: {
    id: "u1",
    username: "demo.province",
    role: Role.PROVINCE_OFFICER,
    provinceId: "19",
    countyId: null,
    sessionId: "s",
  },
} as unknown as RequestContext;
// 2026-12-06 14:45 UTC = 18:15 Tehran (UTC+03:30) on 15 Azar 1405.
const AT = new Date("2026-12-06T14:45:00Z");

describe("persianDateTime", () => {
  it("writes the Jalali day and Tehran wall-clock time in Persian digits", () => {
    expect(persianDateTime(AT)).toBe("۱۴۰۵/۰۹/۱۵ ساعت ۱۸:۱۵");
    expect(persianDateTime(new Date("2026-03-20T20:31:00Z"))).toBe("۱۴۰۵/۰۱/۰۱ ساعت ۰۰:۰۱");
  });
});

describe("assertVersion / staleVersion", () => {
  const row = { version: 4, updatedAt: AT, updatedBy: "demo.admin" };
  it("accepts a matching or omitted version", () => {
    expect(() => assertVersion(row, 4, "سمن")).not.toThrow();
    expect(() => assertVersion(row, undefined, "سمن")).not.toThrow();
    expect(() => assertVersion(row, null, "سمن")).not.toThrow();
  });
  it("refuses a stale version with CONFLICT naming who and when", () => {
    let error: AppError | undefined;
    try {
      assertVersion(row, 3, "سمن");
    } catch (e) {
      error = e as AppError;
    }
    expect(error?.extensions).toEqual({
      code: "CONFLICT",
      currentVersion: 4,
      updatedBy: "demo.admin",
      updatedAt: AT.toISOString(),
    });
    expect(error?.message).toContain("این سمن را «demo.admin» در ۱۴۰۵/۰۹/۱۵ ساعت ۱۸:۱۵");
  });
  it("says «another user» when the writer is unknown (seeded rows)", () => {
    expect(staleVersion("سمن", { ...row, updatedBy: null }).message).toContain("کاربر دیگری");
  });
  it("reports a malformed version as bad input", () => {
    for (const bad of [0, -1, 1.5])
      expect(() => assertVersion(row, bad, "سمن")).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
      );
  });
});

describe("claimForWrite", () => {
  it("raises the version by one and records the writer", () => {
    const row = { version: 2, updatedAt: AT, updatedBy: null as string | null };
    expect(claimForWrite(row, ctx, 2, "سمن")).toMatchObject({ version: 3, updatedBy: "demo.province" });
  });
  it("leaves a stale row untouched", () => {
    const row = { version: 2, updatedAt: AT, updatedBy: "x" as string | null };
    expect(() => claimForWrite(row, ctx, 1, "سمن")).toThrow();
    expect(row).toMatchObject({ version: 2, updatedBy: "x" });
  });
});

describe("idempotency helpers", () => {
  it("hashes equal inputs equally whatever the key order, and different inputs differently", () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: undefined }], e: null })).toBe('{"a":[{"d":2}],"b":1,"e":null}');
    expect(requestHash({ a: 1, b: "x" })).toBe(requestHash({ b: "x", a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });
  it("accepts 1..100 printable characters without spaces", () => {
    expect(checkIdempotencyKey(undefined)).toBeNull();
    expect(checkIdempotencyKey("3f0c6a4e-8f1e-4c1b-9d6a-2b7f7a1e0c55")).toBe("3f0c6a4e-8f1e-4c1b-9d6a-2b7f7a1e0c55");
    for (const bad of ["", "a b", "k".repeat(101), "کلید", "a\u0000"])
      expect(() => checkIdempotencyKey(bad)).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }) }),
      );
  });
});

describe("invalidTransition", () => {
  it("is INVALID_TRANSITION with the given details", () => {
    const error = invalidTransition("ممکن نیست.", { from: "A", to: "B" });
    expect(error.extensions).toEqual({ code: "INVALID_TRANSITION", from: "A", to: "B" });
    expect(error.message).toBe("ممکن نیست.");
  });
});
