import { accessTokenExpired, AuthUser, generateServiceSecurity, Role, signAccessToken } from "@hamafza/common";

const user: AuthUser = {
  id: "00000000-0000-4000-8000-000000000001",
  username: "job.user",
  role: Role.ADMIN,
  provinceId: null,
  countyId: null,
  boundId: null,
  sessionId: "00000000-0000-4000-8000-000000000002",
};

describe("accessTokenExpired: may a queued job still act with the token it holds?", () => {
  it("reads the token's exp against the given time", async () => {
    const security = generateServiceSecurity();
    const expires = new Date(Date.now() + 60_000);
    const token = await signAccessToken(security.keys, user, expires);
    expect(accessTokenExpired(token)).toBe(false);
    expect(accessTokenExpired(token, expires.getTime() - 1000)).toBe(false);
    expect(accessTokenExpired(token, expires.getTime() + 1000)).toBe(true);
  });

  it("takes anything that is not a readable token as expired", () => {
    expect(accessTokenExpired("")).toBe(true);
    expect(accessTokenExpired("not.a.token")).toBe(true);
    // A token without exp (never issued by identity) is not trusted to last.
    const header = Buffer.from(JSON.stringify({ alg: "EdDSA" })).toString("base64url");
    const payload = Buffer.from(JSON.stringify({ sub: user.id })).toString("base64url");
    expect(accessTokenExpired(`${header}.${payload}.c2ln`)).toBe(true);
  });
});
