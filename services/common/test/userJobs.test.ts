import {
  AuthUser,
  createRequestContext,
  generateServiceSecurity,
  openUserJobToken,
  Role,
  signAccessToken,
  userJobContext,
  userJobData,
} from "@hamafza/common";
import { DataSource } from "typeorm";

const user: AuthUser = {
  id: "00000000-0000-4000-8000-000000000011",
  username: "job.user",
  role: Role.PROVINCE_OFFICER,
  provinceId: "00000000-0000-4000-8000-000000000012",
  countyId: null,
  boundId: null,
  sessionId: "00000000-0000-4000-8000-000000000013",
};
// Never connected: a request context only carries its data source.
const db = new DataSource({ type: "postgres" });

async function request(expiresInMs: number) {
  const security = generateServiceSecurity();
  const token = await signAccessToken(security.keys, user, new Date(Date.now() + expiresInMs));
  const ctx = createRequestContext(db, { user, accessToken: token, requestId: "req-1", clientAddress: "10.0.0.9" });
  return { secret: security.gatewaySecret, token, ctx };
}

describe("user jobs: a queued job acts later as the user whose request created it", () => {
  it("keeps who asked and the token sealed, and acts with the same user, token and request", async () => {
    const { secret, token, ctx } = await request(60_000);
    const data = userJobData(ctx, secret);
    expect(data).toMatchObject({ user, requestId: "req-1", clientAddress: "10.0.0.9" });
    expect(data.token).not.toBeNull();
    expect(JSON.stringify(data)).not.toContain(token); // the stored job never holds a usable token
    const opened = openUserJobToken(secret, JSON.parse(JSON.stringify(data)));
    expect(opened).toBe(token);
    const jobCtx = userJobContext(db, data, opened, { service: "registry" });
    expect(jobCtx).toMatchObject({
      user,
      accessToken: token,
      requestId: "req-1",
      clientAddress: "10.0.0.9",
      service: "registry",
      referenceOwners: null,
    });
    expect(jobCtx.db).toBe(db);
  });

  it("opens nothing under another gateway secret, without a token, or (when asked) once it has expired", async () => {
    const { secret, ctx } = await request(60_000);
    const data = userJobData(ctx, secret);
    expect(openUserJobToken(generateServiceSecurity().gatewaySecret, data)).toBeNull();
    expect(openUserJobToken(secret, { ...data, token: null })).toBeNull();
    expect(userJobData(createRequestContext(db, { user }), secret).token).toBeNull();

    const expired = await request(-1_000);
    const expiredData = userJobData(expired.ctx, expired.secret);
    expect(openUserJobToken(expired.secret, expiredData)).toBe(expired.token);
    expect(openUserJobToken(expired.secret, expiredData, { unexpired: true })).toBeNull();
    expect(openUserJobToken(secret, data, { unexpired: true })).not.toBeNull();
  });

  it("refuses to create a job without a signed-in user", () => {
    expect(() => userJobData(createRequestContext(db), "secret")).toThrow();
  });
});
