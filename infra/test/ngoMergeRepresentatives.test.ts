import { withClient } from "@hamafza/common";
import { countStatements } from "@hamafza/common/testing";
import { createIdentityDataSource, deliverPendingRequests } from "@hamafza/identity";
import { gatewayUsers, InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * Representatives of a merged NGO (docs/merging.md, "Representatives of a merged NGO"), whole stack on the demo data:
 * `demo.ngo` speaks for NGO A; A is merged into B of the same county. Without signing in again, A's representative
 * then reads and edits B's profile, submits demands that land on B and sees B's meetings and demands, exactly as B's
 * own representative; the audit names B. B's representative is unaffected. The alias A still refuses edits. After
 * the undo A's representative is A's again and B's data (the demand they submitted for B included) is out of reach.
 */
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
const { signIn, useToken, call, gql } = gatewayUsers(() => stack);

const admin = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  withClient(prepared.adminUrl, async (client) => (await client.query(sql, params)).rows as T[]);

let ngoA: string;
let ngoB: string;
let agencyId: string;

beforeAll(async () => {
  prepared = await prepareTestDatabase("ngomergerep", { demo: true });
  stack = await startInProcessStack(prepared);
  await signIn(["demo.admin", "demo.province", "demo.ngo", "demo.agency"]);
  [{ bound_id: ngoA }] = await admin<{ bound_id: string }>(
    `SELECT bound_id FROM identity.user_account WHERE username = 'demo.ngo'`,
  );
  // B: an active NGO of A's province but another county (the survivor's territory must be the one that applies), the
  // one on most attendance lists; make sure each has a meeting the other was not on, so that "B's meetings" differ
  // from A's before the merge.
  [{ id: ngoB }] = await admin<{ id: string }>(
    `SELECT n.id FROM registry.ngo n JOIN registry.ngo a ON a.id = $1
      WHERE n.province_id = a.province_id AND n.county_id <> a.county_id AND n.status = 'ACTIVE'
      ORDER BY (SELECT count(*) FROM engagement.meeting_attendance m WHERE m.ngo_id = n.id) DESC, n.id LIMIT 1`,
    [ngoA],
  );
  for (const [own, other] of [
    [ngoA, ngoB],
    [ngoB, ngoA],
  ]) {
    const [{ n }] = await admin<{ n: number }>(
      `SELECT count(*)::int AS n FROM engagement.meeting_attendance a WHERE a.ngo_id = $1
          AND NOT EXISTS (SELECT 1 FROM engagement.meeting_attendance b WHERE b.meeting_id = a.meeting_id AND b.ngo_id = $2)`,
      [own, other],
    );
    if (n === 0)
      await admin(
        `INSERT INTO engagement.meeting_attendance (meeting_id, ngo_id)
         SELECT m.id, $1 FROM engagement.meeting m JOIN registry.ngo g ON g.id = $1
          WHERE m.county_id = g.county_id AND m.status = 'HELD'
            AND NOT EXISTS (SELECT 1 FROM engagement.meeting_attendance b WHERE b.meeting_id = m.id)
          ORDER BY m.held_at DESC LIMIT 1`,
        [own],
      );
  }
  // B's own representative, invited by the province officer.
  const { inviteUser } = await gql(
    "demo.province",
    `mutation($input: InviteUserInput!) { inviteUser(input: $input) { code } }`,
    {
      input: {
        username: "rep.survivor",
        displayName: "نماینده سمن باقی‌مانده",
        role: "NGO_REPRESENTATIVE",
        boundId: ngoB,
        authorisationReference: "معرفی‌نامه ۱۲۳ مورخ ۱۴۰۵/۰۹/۱۰",
      },
    },
  );
  const accepted = await fetch(`${stack.baseUrl}/auth/accept-invitation`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code: inviteUser.code, password: "Golbarg-e-Sorkh-1405" }),
  });
  expect(accepted.status).toBe(200);
  useToken("rep.survivor", ((await accepted.json()) as { token: string }).token);
  // Demands go to demo.agency's agency (of Zanjan county), so that its respondent can answer them.
  [{ bound_id: agencyId }] = await admin<{ bound_id: string }>(
    `SELECT bound_id FROM identity.user_account WHERE username = 'demo.agency'`,
  );
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

/** What a representative sees of "their NGO": the NGO the session names, the list, meetings and demands. */
async function seenBy(user: string, sessionNgo: string) {
  const data = await gql(
    user,
    `query($id: ID!) { ngo(id: $id) { id } ngos(limit: 10) { items { id } }
       meetings(limit: 200) { items { id } } demands(limit: 200) { items { id ngoId } } }`,
    { id: sessionNgo },
  );
  const ids = (list: { items: { id: string }[] }) => list.items.map((item) => item.id).sort();
  return {
    ngo: data.ngo?.id ?? null,
    ngos: ids(data.ngos),
    meetings: ids(data.meetings),
    demands: ids(data.demands),
    demandNgos: [...new Set((data.demands.items as { ngoId: string }[]).map((d) => d.ngoId))].sort(),
  };
}

const UPDATE_PROFILE = `mutation($n: Int!) { updateMyNgoProfile(input: { membersCount: $n }) { id membersCount } }`;
const SUBMIT_DEMAND = `mutation($agency: ID!, $title: String!) {
  submitDemand(input: { agencyId: $agency, category: INFRASTRUCTURE, title: $title }) { id ngoId provinceId countyId } }`;

/** A warning recorded for the NGO by the province officer (it notifies the NGO's representatives); its id. */
async function warn(ngoId: string): Promise<string> {
  const { createSupervisionRecord } = await gql(
    "demo.province",
    `mutation($ngo: ID!) { createSupervisionRecord(input: { ngoId: $ngo, kind: WARNING, recordedOn: "2025-06-01", text: "گزارش مالی سال دیر رسید" }) { id } }`,
    { ngo: ngoId },
  );
  return createSupervisionRecord.id;
}

/** The NGOs whose representatives the notice about a record addresses, as requested of identity. */
async function recipientsOf(recordId: string): Promise<string[]> {
  const rows = await admin<{ of: string[] }>(
    `SELECT recipients->'ngoRepresentativesOf' AS of FROM identity.notification_request
      WHERE record_id = $1 AND recipients ? 'ngoRepresentativesOf'`,
    [recordId],
  );
  expect(rows).toHaveLength(1);
  return [...rows[0].of].sort();
}

/** Delivers the pending notices now (the stack's identity does it every minute). */
async function deliver(): Promise<void> {
  const db = createIdentityDataSource(prepared.serviceUrls.identity);
  await db.initialize();
  try {
    await deliverPendingRequests(db);
  } finally {
    await db.destroy();
  }
}

/** The invited users an officer lists for an NGO (`invitedUsers(filter: { boundId })`), by username. */
async function invitedFor(ngoId: string, role?: string): Promise<{ username: string; boundId: string }[]> {
  const { invitedUsers } = await gql(
    "demo.province",
    `query($f: InvitedUserFilter) { invitedUsers(filter: $f, limit: 50, sort: { field: "username" }) { totalCount items { username boundId } } }`,
    { f: { boundId: ngoId, ...(role ? { role } : {}) } },
  );
  expect(invitedUsers.totalCount).toBe(invitedUsers.items.length);
  return invitedUsers.items;
}

/** The NGOs merged into this one, as the registry lists them (`ngos(filter: { mergedInto })`). */
const aliasesOf = async (ngoId: string) =>
  (
    await gql("demo.province", `query($id: ID!) { ngos(filter: { mergedInto: $id }) { items { id status } } }`, {
      id: ngoId,
    })
  ).ngos.items;

const membersOf = async (id: string) =>
  (await admin<{ m: number | null }>(`SELECT members_count AS m FROM registry.ngo WHERE id = $1`, [id]))[0].m;

describe("representatives of a merged NGO act for the survivor", () => {
  let aBefore: Awaited<ReturnType<typeof seenBy>>;
  let bBefore: Awaited<ReturnType<typeof seenBy>>;
  let mergeId: string;
  let demandForB: string;

  it("before the merge: each representative has their own NGO only", async () => {
    aBefore = await seenBy("demo.ngo", ngoA);
    bBefore = await seenBy("rep.survivor", ngoB);
    expect(aBefore).toMatchObject({ ngo: ngoA, ngos: [ngoA] });
    expect(bBefore).toMatchObject({ ngo: ngoB, ngos: [ngoB] });
    expect(aBefore.meetings.length).toBeGreaterThan(0);
    expect(bBefore.meetings.filter((id) => !aBefore.meetings.includes(id)).length).toBeGreaterThan(0);
    expect((await gql("demo.ngo", `query($id: ID!) { ngo(id: $id) { id } }`, { id: ngoB })).ngo).toBeNull();
    expect(await invitedFor(ngoB)).toEqual([{ username: "rep.survivor", boundId: ngoB }]);
    expect(await aliasesOf(ngoB)).toEqual([]);
  });

  it("after the merge, A's representative (same session) reads, edits and submits for B, and sees B's meetings", async () => {
    const { mergeNgos } = await gql(
      "demo.province",
      `mutation($a: ID!, $b: ID!) { mergeNgos(mergedId: $a, survivorId: $b, reason: "یک سمن با دو پرونده") { id engagementSynced } }`,
      { a: ngoA, b: ngoB },
    );
    expect(mergeNgos.engagementSynced).toBe(true);
    mergeId = mergeNgos.id;
    const seenB = await seenBy("rep.survivor", ngoB);
    // The session still names A: it shows B, and everything else is B's, exactly as B's own representative sees it.
    expect(await seenBy("demo.ngo", ngoA)).toEqual({ ...seenB, ngo: ngoB });
    expect(seenB.ngos).toEqual([ngoB]);
    expect(seenB.meetings).toEqual([...new Set([...aBefore.meetings, ...bBefore.meetings])].sort());

    const membersOfA = await membersOf(ngoA);
    const edited = await gql("demo.ngo", UPDATE_PROFILE, { n: 77 });
    expect(edited.updateMyNgoProfile).toEqual({ id: ngoB, membersCount: 77 });
    expect(await membersOf(ngoB)).toBe(77);
    expect(await membersOf(ngoA)).toBe(membersOfA);

    const { submitDemand } = await gql("demo.ngo", SUBMIT_DEMAND, { agency: agencyId, title: "سالن اجتماعات محله" });
    demandForB = submitDemand.id;
    const [territoryB] = await admin<{ province_id: string; county_id: string | null }>(
      `SELECT province_id, county_id FROM registry.ngo WHERE id = $1`,
      [ngoB],
    );
    // The survivor's territory applies (B lies in another county than A, whose territory the account still has).
    const [{ county_id: countyOfA }] = await admin<{ county_id: string }>(
      `SELECT county_id FROM registry.ngo WHERE id = $1`,
      [ngoA],
    );
    expect(territoryB.county_id).not.toBe(countyOfA);
    expect(submitDemand).toMatchObject({
      ngoId: ngoB,
      provinceId: territoryB.province_id,
      countyId: territoryB.county_id,
    });
    expect((await seenBy("rep.survivor", ngoB)).demands).toContain(demandForB);

    // The audit names the survivor: the representative's writes are B's.
    const audits = await admin<{ action: string; entity_id: string }>(
      `SELECT action, entity_id FROM identity.audit_entry
        WHERE actor_username = 'demo.ngo' AND action IN ('updateMyNgoProfile', 'submitDemand') ORDER BY action`,
    );
    expect(audits).toEqual([
      { action: "submitDemand", entity_id: demandForB },
      { action: "updateMyNgoProfile", entity_id: ngoB },
    ]);
    const [{ ngo_id }] = await admin<{ ngo_id: string }>(`SELECT ngo_id FROM engagement.demand WHERE id = $1`, [
      demandForB,
    ]);
    expect(ngo_id).toBe(ngoB);
  });

  it("the officers' list of B's invited users includes A's representative, bound to A", async () => {
    expect(await aliasesOf(ngoB)).toEqual([{ id: ngoA, status: "MERGED" }]);
    const both = [
      { username: "demo.ngo", boundId: ngoA },
      { username: "rep.survivor", boundId: ngoB },
    ];
    expect(await invitedFor(ngoB)).toEqual(both);
    expect(await invitedFor(ngoB, "NGO_REPRESENTATIVE")).toEqual(both);
    expect(await invitedFor(ngoB, "AGENCY_RESPONDENT")).toEqual([]);
    // The alias's own list is unchanged: A's representative, and not B's.
    expect(await invitedFor(ngoA)).toEqual([{ username: "demo.ngo", boundId: ngoA }]);
  });

  it("notices for B's representatives reach A's while the merge stands (registry and engagement)", async () => {
    const answered = await call(
      "demo.agency",
      `mutation($id: ID!) { respondToDemand(id: $id, input: { step: ACCEPTED, note: "در برنامه سال آینده" }) { status } }`,
      { id: demandForB },
    );
    expect(answered.errors).toBeUndefined();
    const warning = await warn(ngoB);
    expect(await recipientsOf(demandForB)).toEqual([ngoA, ngoB].sort());
    expect(await recipientsOf(warning)).toEqual([ngoA, ngoB].sort());
    await deliver();
    const { myNotifications } = await gql("demo.ngo", `{ myNotifications(limit: 20) { items { kind recordId } } }`);
    expect(myNotifications.items).toEqual(
      expect.arrayContaining([
        { kind: "REQUEST_ANSWERED", recordId: demandForB },
        { kind: "SUPERVISION_WARNING", recordId: warning },
      ]),
    );
  });

  it("B's representative is unaffected, and the alias A still refuses writes by its id", async () => {
    expect(await gql("rep.survivor", UPDATE_PROFILE, { n: 78 })).toEqual({
      updateMyNgoProfile: { id: ngoB, membersCount: 78 },
    });
    const edit = await call(
      "demo.province",
      `mutation($id: ID!) { updateNgo(id: $id, input: { membersCount: 5 }) { id } }`,
      {
        id: ngoA,
      },
    );
    expect(edit.errors[0].extensions.code).toBe("CONFLICT");
    const demand = await call(
      "demo.province",
      `mutation($ngo: ID!) { createDemand(input: { ngoId: $ngo, provinceId: "19", category: INFRASTRUCTURE, title: "ساختمان", raisedOn: "2025-05-01" }) { id } }`,
      { ngo: ngoA },
    );
    expect(demand.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("after the undo, A's representative is A's again and B's data is out of reach", async () => {
    const { undoNgoMerge } = await gql(
      "demo.admin",
      `mutation($id: ID!) { undoNgoMerge(id: $id, reason: "دو سمن جدا هستند") { engagementSynced } }`,
      { id: mergeId },
    );
    expect(undoNgoMerge.engagementSynced).toBe(true);
    expect(await seenBy("demo.ngo", ngoA)).toEqual(aBefore);
    expect((await gql("demo.ngo", `query($id: ID!) { ngo(id: $id) { id } }`, { id: ngoB })).ngo).toBeNull();
    const edited = await gql("demo.ngo", UPDATE_PROFILE, { n: 12 });
    expect(edited.updateMyNgoProfile).toEqual({ id: ngoA, membersCount: 12 });
    expect(await membersOf(ngoB)).toBe(78);
    // The demand submitted for B while merged stays B's.
    const seenB = await seenBy("rep.survivor", ngoB);
    expect(seenB).toEqual({ ...bBefore, demands: [...bBefore.demands, demandForB].sort(), demandNgos: [ngoB] });
    // Notices for B are B's representatives' only again.
    expect(await recipientsOf(await warn(ngoB))).toEqual([ngoB]);
    expect(await invitedFor(ngoB)).toEqual([{ username: "rep.survivor", boundId: ngoB }]);
    expect(await aliasesOf(ngoB)).toEqual([]);
  });

  it("costs a representative's request one lookup per service, and staff nothing", async () => {
    const lookups = async (user: string, query: string) => {
      const counter = countStatements();
      try {
        await gql(user, query);
        return counter.statements.filter((text) => /\bngo_merge(_applied)?\b/.test(text)).length;
      } finally {
        counter.stop();
      }
    };
    const registryAndEngagement = `{ ngos(limit: 1) { items { id } } meetings(limit: 1) { items { id } } }`;
    expect(await lookups("demo.ngo", registryAndEngagement)).toBe(2);
    expect(await lookups("demo.ngo", `{ ngos(limit: 1) { items { id } } }`)).toBe(1);
    expect(await lookups("demo.province", registryAndEngagement)).toBe(0);
    // An officer's list of an NGO's invited users: one lookup of the NGOs merged into it (the registry's); none
    // without an NGO to list for.
    const invited = (filter: string) => `{ invitedUsers(filter: { ${filter} }) { totalCount items { id } } }`;
    expect(await lookups("demo.province", invited(`boundId: "${ngoB}"`))).toBe(1);
    expect(await lookups("demo.province", invited(`role: NGO_REPRESENTATIVE`))).toBe(0);
  });
});
