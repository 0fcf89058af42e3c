/**
 * Invitations of NGO representatives, agency respondents and managers (issue 15), through the gateway with the
 * demo data: officials invite within their territory only, the code works once and before it expires, the invitee
 * sets a password and is signed in with a token bound to their record, officials list, re-invite and disable.
 */
import { withClient } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";
import { graphql, jwtPart, PERSIAN, postAuth, session, signIn, TEST_POLICY } from "./support";

let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
const tokens: Record<string, string> = {};
const as = (who: string, query: string, variables: Record<string, unknown> = {}) =>
  graphql(stack.gatewayUrl, query, variables, tokens[who]);
const superuser = <T>(work: Parameters<typeof withClient<T>>[1]) => withClient(database.adminUrl, work);
const one = async (sql: string) => superuser(async (c) => (await c.query(sql)).rows[0]);

let countyNgo: { id: string };
let otherCountyNgo: { id: string };
let foreignNgo: { id: string };
let provinceAgency: { id: string };

beforeAll(async () => {
  database = await prepareTestDatabase("identityinvitations", { demo: true });
  stack = await startInProcessStack(database, { loginPolicy: TEST_POLICY, trustProxy: "loopback", sessionCacheMs: 0 });
  for (const who of ["demo.admin", "demo.province", "demo.county", "demo.analyst"])
    tokens[who] = (await session(stack.baseUrl, who, DEMO_PASSWORD)).token;
  countyNgo = await one(`SELECT id FROM registry.ngo WHERE county_id = '1901' ORDER BY id LIMIT 1`);
  otherCountyNgo = await one(`SELECT id FROM registry.ngo WHERE province_id = '19' AND county_id <> '1901' LIMIT 1`);
  foreignNgo = await one(`SELECT id FROM registry.ngo WHERE province_id <> '19' LIMIT 1`);
  provinceAgency = await one(`SELECT id FROM registry.agency WHERE province_id = '19' AND county_id IS NULL LIMIT 1`);
});

afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { code link user { id username role boundId provinceId countyId disabled authorisationReference } invitation { id state expiresAt } } }`;
const REINVITE = `mutation($id: ID!) { reinviteUser(id: $id) { code invitation { state } user { id disabled } } }`;
const DISABLE = `mutation($id: ID!) { disableInvitedUser(id: $id) { id disabled invitation { state } } }`;
const LIST = `{ invitedUsers(limit: 100) { totalCount items { username role boundId invitation { state } } } }`;
const userCount = async () => Number((await one(`SELECT count(*) FROM identity.user_account`)).count);
const accept = (code: string, password: string) =>
  postAuth(stack.baseUrl, "accept-invitation", { body: { code, password } });

const representative = (username: string, boundId: string) => ({
  username,
  displayName: "نماینده آزمایشی سمن",
  role: "NGO_REPRESENTATIVE",
  boundId,
});

describe("invitations", () => {
  it("lets a county officer invite a representative of an NGO of its county, who sets a password once and is signed in bound to the NGO", async () => {
    // The official records the letter of introduction they checked (docs/self-service.md, "Decisions").
    const invited = await as("demo.county", INVITE, {
      input: {
        ...representative("rep.one", countyNgo.id),
        authorisationReference: " معرفی‌نامه ۱۴۰۵/۲۳۱ مورخ ۱۴۰۵/۰۹/۱۰ ",
      },
    });
    expect(invited.body.errors).toBeUndefined();
    const { code, link, user, invitation } = invited.body.data.inviteUser;
    expect(user.authorisationReference).toBe("معرفی‌نامه ۱۴۰۵/۲۳۱ مورخ ۱۴۰۵/۰۹/۱۰");
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link).toBe(`/#/invitation/${code}`);
    expect(user).toMatchObject({ role: "NGO_REPRESENTATIVE", boundId: countyNgo.id, provinceId: "19" });
    expect(invitation.state).toBe("OPEN");
    // Only the code's hash is stored.
    const stored = await one(`SELECT code_hash FROM identity.invitation WHERE id = '${invitation.id}'`);
    expect(stored.code_hash).not.toContain(code);

    const info = await postAuth(stack.baseUrl, "invitation", { body: { code } });
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({ username: "rep.one", role: "NGO_REPRESENTATIVE" });

    const weak = await accept(code, "short");
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toMatch(PERSIAN);
    const hashBefore = (await one(`SELECT password_hash FROM identity.user_account WHERE id = '${user.id}'`))
      .password_hash;

    const accepted = await accept(code, "Namayande-1404");
    expect(accepted.status).toBe(200);
    const claims = jwtPart(accepted.body.token, 1);
    expect(claims).toMatchObject({ role: "NGO_REPRESENTATIVE", bnd: countyNgo.id, prv: null, cty: null });
    tokens["rep.one"] = accepted.body.token;
    const me = await as("rep.one", `{ me { username role boundId invitation { state } } }`);
    expect(me.body.data.me).toEqual({
      username: "rep.one",
      role: "NGO_REPRESENTATIVE",
      boundId: countyNgo.id,
      invitation: { state: "USED" },
    });

    // Single use: the same code again is refused and changes nothing.
    const hashAfter = (await one(`SELECT password_hash FROM identity.user_account WHERE id = '${user.id}'`))
      .password_hash;
    expect(hashAfter).not.toBe(hashBefore);
    const again = await accept(code, "Another-password-1404");
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("BAD_USER_INPUT");
    expect(again.body.error.message).toContain("پیش‌تر به کار رفته");
    expect((await one(`SELECT password_hash FROM identity.user_account WHERE id = '${user.id}'`)).password_hash).toBe(
      hashAfter,
    );
    expect((await signIn(stack.baseUrl, "rep.one", "Another-password-1404")).status).toBe(401);
    expect((await signIn(stack.baseUrl, "rep.one", "Namayande-1404")).status).toBe(200);

    // Invited users reach nothing that has not been opened to them.
    for (const query of [`{ users { totalCount } }`, `{ invitedUsers { totalCount } }`]) {
      const refused = await as("rep.one", query);
      expect(refused.body.errors[0].extensions.code).toBe("FORBIDDEN");
    }
  });

  it("refuses invitations outside the official's territory and changes nothing", async () => {
    const before = await userCount();
    const otherCounty = await as("demo.county", INVITE, { input: representative("rep.far", otherCountyNgo.id) });
    expect(otherCounty.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(otherCounty.body.errors[0].extensions.fields[0].field).toBe("boundId");
    const foreign = await as("demo.province", INVITE, { input: representative("rep.far", foreignNgo.id) });
    expect(foreign.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    // A province-level agency is readable by the county officer but not theirs to change.
    const agency = await as("demo.county", INVITE, {
      input: {
        username: "resp.far",
        displayName: "کارشناس پاسخگو",
        role: "AGENCY_RESPONDENT",
        boundId: provinceAgency.id,
      },
    });
    expect(agency.body.errors[0].extensions.code).toBe("FORBIDDEN");
    // An NGO id given for an agency respondent is not an agency.
    const wrongKind = await as("demo.province", INVITE, {
      input: { username: "resp.ngo", displayName: "کارشناس پاسخگو", role: "AGENCY_RESPONDENT", boundId: countyNgo.id },
    });
    expect(wrongKind.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const staff = await as("demo.province", INVITE, {
      input: { ...representative("rep.staff", countyNgo.id), role: "ANALYST" },
    });
    const longReference = await as("demo.province", INVITE, {
      input: { ...representative("rep.long", countyNgo.id), authorisationReference: "ن".repeat(301) },
    });
    expect(longReference.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(staff.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const analyst = await as("demo.analyst", INVITE, { input: representative("rep.x", countyNgo.id) });
    expect(analyst.body.errors[0].extensions.code).toBe("FORBIDDEN");
    const created = await as("demo.admin", `mutation($input: UserCreateInput!) { createUser(input: $input) { id } }`, {
      input: { username: "rep.direct", displayName: "نماینده", role: "NGO_REPRESENTATIVE", password: "Hamafza-1404-x" },
    });
    expect(created.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(await userCount()).toBe(before);
    // The province officer may invite the agency's respondent.
    const allowed = await as("demo.province", INVITE, {
      input: {
        username: "resp.one",
        displayName: "کارشناس پاسخگو",
        role: "AGENCY_RESPONDENT",
        boundId: provinceAgency.id,
      },
    });
    expect(allowed.body.data.inviteUser.user).toMatchObject({ role: "AGENCY_RESPONDENT", countyId: null });
  });

  it("refuses an expired code, and a re-invitation replaces the old code", async () => {
    const invited = (await as("demo.county", INVITE, { input: representative("rep.late", countyNgo.id) })).body.data
      .inviteUser;
    expect(new Date(invited.invitation.expiresAt).getTime() - Date.now()).toBeGreaterThan(6 * 86_400_000);
    await superuser((c) =>
      c.query(`UPDATE identity.invitation SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        invited.invitation.id,
      ]),
    );
    const expired = await accept(invited.code, "Namayande-1404");
    expect(expired.status).toBe(400);
    expect(expired.body.error.message).toContain("مهلت");
    expect((await postAuth(stack.baseUrl, "invitation", { body: { code: invited.code } })).status).toBe(400);

    const again = (await as("demo.county", REINVITE, { id: invited.user.id })).body.data.reinviteUser;
    expect(again.invitation.state).toBe("OPEN");
    expect(again.code).not.toBe(invited.code);
    expect((await accept(invited.code, "Namayande-1404")).status).toBe(400);
    expect((await accept(again.code, "Namayande-1404")).status).toBe(200);
    const unknown = await accept("A".repeat(43), "Namayande-1404");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(PERSIAN);
  });

  it("lists invited users of the official's territory, and a disabled account cannot sign in", async () => {
    const county = (await as("demo.county", LIST)).body.data.invitedUsers;
    const admin = (await as("demo.admin", LIST)).body.data.invitedUsers;
    // A county officer reads the province-level agency's respondent too (the read rule), but cannot change it.
    // (The three invited demo accounts are bound to records of Zanjan county.)
    const expected = ["demo.agency", "demo.manager", "demo.ngo", "rep.late", "rep.one", "resp.one"];
    expect(county.items.map((u: { username: string }) => u.username).sort()).toEqual(expected);
    expect(admin.items.map((u: { username: string }) => u.username).sort()).toEqual(expected);
    expect((await as("demo.province", LIST)).body.data.invitedUsers.totalCount).toBe(6);
    // By the record they speak for (identity alone: no registry to name merged NGOs, so the record's own only).
    const ngoId = admin.items.find((u: { username: string }) => u.username === "demo.ngo").boundId;
    const byRecord = await as(
      "demo.county",
      `query($f: InvitedUserFilter) { invitedUsers(filter: $f) { items { username boundId } } }`,
      { f: { boundId: ngoId } },
    );
    expect(byRecord.body.errors).toBeUndefined();
    expect(byRecord.body.data.invitedUsers.items.every((u: { boundId: string }) => u.boundId === ngoId)).toBe(true);
    expect(byRecord.body.data.invitedUsers.items.map((u: { username: string }) => u.username)).toContain("demo.ngo");
    // An officer of another province sees none of them.
    const made = await as("demo.admin", `mutation($input: UserCreateInput!) { createUser(input: $input) { id } }`, {
      input: {
        username: "isfahan.officer",
        displayName: "کارشناس اصفهان",
        role: "PROVINCE_OFFICER",
        provinceId: "10",
        password: "Esfahan-officer-1404",
      },
    });
    expect(made.body.errors).toBeUndefined();
    tokens.isfahan = (await session(stack.baseUrl, "isfahan.officer", "Esfahan-officer-1404")).token;
    expect((await as("isfahan", LIST)).body.data.invitedUsers.totalCount).toBe(0);

    const rep = await one(`SELECT id FROM identity.user_account WHERE username = 'rep.one'`);
    const resp = await one(`SELECT id FROM identity.user_account WHERE username = 'resp.one'`);
    // A county officer cannot disable the province-level respondent.
    expect((await as("demo.county", DISABLE, { id: resp.id })).body.errors[0].extensions.code).toBe("FORBIDDEN");
    const disabled = await as("demo.county", DISABLE, { id: rep.id });
    expect(disabled.body.data.disableInvitedUser).toMatchObject({ disabled: true });
    const refused = await signIn(stack.baseUrl, "rep.one", "Namayande-1404");
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("UNAUTHENTICATED");
    expect((await as("rep.one", `{ me { id } }`)).status).toBe(401);
    // The open invitation of a disabled account is revoked.
    const pending = (await as("demo.province", REINVITE, { id: resp.id })).body.data.reinviteUser;
    await as("demo.province", DISABLE, { id: resp.id });
    expect((await accept(pending.code, "Respondent-1404")).status).toBe(400);

    const audit = await superuser(
      async (c) =>
        (
          await c.query(
            `SELECT action, actor_username FROM identity.audit_entry WHERE action IN ('inviteUser', 'reinviteUser', 'disableInvitedUser', 'ACCEPT_INVITATION') AND outcome = 'SUCCESS' ORDER BY at`,
          )
        ).rows,
    );
    expect(audit.map((a) => a.action)).toEqual([
      "inviteUser",
      "ACCEPT_INVITATION",
      "inviteUser",
      "inviteUser",
      "reinviteUser",
      "ACCEPT_INVITATION",
      "disableInvitedUser",
      "reinviteUser",
      "disableInvitedUser",
    ]);
  });
});
