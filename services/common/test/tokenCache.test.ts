import { SignJWT } from "jose";
import {
  AuthUser,
  generateServiceSecurity,
  Role,
  signAccessToken,
  VerifiedTokenCache,
  verifiedTokensOf,
  verifyAccessToken,
} from "@hamafza/common";

const user: AuthUser = {
  id: "00000000-0000-4000-8000-000000000001",
  username: "cache.user",
  role: Role.PROVINCE_OFFICER,
  provinceId: "19",
  countyId: null,
  boundId: null,
  sessionId: "00000000-0000-4000-8000-000000000002",
};

describe("verifyAccessToken's cache of verified tokens", () => {
  it("checks a token in full once, then answers the same user from memory", async () => {
    const security = generateServiceSecurity();
    const token = await signAccessToken(security.keys, user, new Date(Date.now() + 60_000));
    const cache = verifiedTokensOf(security.keys);
    expect(await verifyAccessToken(security.keys, token)).toEqual(user);
    expect([cache.hits, cache.misses]).toEqual([0, 1]);
    const again = await verifyAccessToken(security.keys, token);
    expect(again).toEqual(user);
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
    // Callers get their own copy: changing it does not change what the next request sees.
    again.role = Role.ADMIN;
    expect((await verifyAccessToken(security.keys, token)).role).toBe(Role.PROVINCE_OFFICER);
  });

  it("refuses a cached token once it has expired, as the full check does", async () => {
    const security = generateServiceSecurity();
    const token = await signAccessToken(security.keys, user, new Date(Date.now() + 1_000));
    await verifyAccessToken(security.keys, token);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(verifyAccessToken(security.keys, token)).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
  });

  it("still refuses a token with another signature, key or algorithm while the genuine one is cached", async () => {
    const security = generateServiceSecurity();
    const other = generateServiceSecurity();
    const token = await signAccessToken(security.keys, user, new Date(Date.now() + 60_000));
    await verifyAccessToken(security.keys, token);
    const [header, payload, signature] = token.split(".");
    const flipped = signature[5] === "A" ? "B" : "A";
    const tampered = `${header}.${payload}.${signature.slice(0, 5)}${flipped}${signature.slice(6)}`;
    await expect(verifyAccessToken(security.keys, tampered)).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
    // The genuine token is not valid under another service's key, cached or not.
    await expect(verifyAccessToken(other.keys, token)).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
    const hmac = await new SignJWT({ usr: user.username, role: user.role, sid: user.sessionId, bnd: null })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(user.id)
      .setIssuer("hamafza-identity")
      .setAudience("hamafza")
      .setExpirationTime("1m")
      .sign(new TextEncoder().encode("a shared secret of at least thirty-two bytes"));
    await expect(verifyAccessToken(security.keys, hmac)).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
    expect(verifiedTokensOf(security.keys).size).toBe(1);
  });
});

describe("VerifiedTokenCache", () => {
  it("keeps at most its capacity, dropping the oldest entry first", () => {
    const cache = new VerifiedTokenCache<number>(2);
    const exp = Math.floor(Date.now() / 1000) + 60;
    cache.set("a", 1, exp);
    cache.set("b", 2, exp);
    cache.set("c", 3, exp);
    expect([cache.get("a"), cache.get("b"), cache.get("c"), cache.size]).toEqual([undefined, 2, 3, 2]);
  });

  it("answers until the second before exp, never at or after it", () => {
    const cache = new VerifiedTokenCache<number>();
    cache.set("t", 1, 1_000);
    expect(cache.get("t", 999_999)).toBe(1);
    expect(cache.get("t", 1_000_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
