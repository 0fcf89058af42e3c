import { postGraphQL, Role, withClient } from "@hamafza/common";
import { subgraphHeaders } from "@hamafza/common/testing";
import { gatewayUsers, InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * Duplicate NGOs resolved across services (docs/merging.md), on the demo data with the whole stack in process:
 * a merge moves every engagement record of the merged NGO to the survivor — attendance (a meeting both attended
 * counted once), working groups, project partners, demands, proposals, the evaluation's engagement facts — without
 * any service reading another's tables; the merged id becomes an alias (status MERGED, refused on new writes);
 * repeating the merge changes nothing; the refusals carry stable codes and Persian messages and change nothing; an
 * administrator's undo restores every engagement table exactly; a dismissed candidate pair is not proposed again.
 */
let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
const { signIn, call, gql } = gatewayUsers(() => stack);
const USERS = ["demo.admin", "demo.province", "demo.county"];
const ENGAGEMENT_TABLES = ["meeting_attendance", "working_group_member", "project_partner", "demand", "proposal"];

beforeAll(async () => {
  prepared = await prepareTestDatabase("ngomerge", { demo: true });
  stack = await startInProcessStack(prepared);
  await signIn(USERS);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

const admin = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  withClient(prepared.adminUrl, async (client) => (await client.query(sql, params)).rows as T[]);

/** A digest of every engagement table that names NGOs, and of the registry's NGO rows. */
async function digests(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of ENGAGEMENT_TABLES) {
    const [row] = await admin<{ d: string }>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM engagement.${table} t`,
    );
    out[table] = row.d;
  }
  const [ngo] = await admin<{ d: string }>(
    `SELECT md5(string_agg(concat_ws(',', id, status, name), '|' ORDER BY id)) AS d FROM registry.ngo`,
  );
  out.ngo = ngo.d;
  return out;
}

const NGO_COUNTS = `query($id: ID!) { ngo(id: $id) { id status mergedInto { id }
  meetingsAttended(limit: 1) { totalCount } workingGroups { id } proposals { id } demands { id } } }`;

async function countsOf(id: string) {
  const { ngo } = await gql("demo.province", NGO_COUNTS, { id });
  const { projects } = await gql(
    "demo.province",
    `query($id: ID!) { projects(filter: { ngoId: $id }) { totalCount } }`,
    {
      id,
    },
  );
  return {
    meetings: ngo.meetingsAttended.totalCount as number,
    workingGroups: (ngo.workingGroups as { id: string }[]).map((g) => g.id).sort(),
    proposals: (ngo.proposals as { id: string }[]).map((p) => p.id).sort(),
    demands: (ngo.demands as { id: string }[]).map((d) => d.id).sort(),
    projects: projects.totalCount as number,
  };
}

/** How often each NGO appears in the evaluation's engagement facts of 1404 (meetings present, working group members). */
async function factsMentions(ids: string[]): Promise<Record<string, number>> {
  const { engagementFacts } = await gql(
    "demo.admin",
    `{ engagementFacts(year: 1404) { managers { meetings { meetingId ngoIds } workingGroups { workingGroupId ngoMemberIds } } } }`,
  );
  const seen = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  for (const manager of engagementFacts.managers) {
    for (const meeting of manager.meetings)
      for (const id of meeting.ngoIds) seen.get(id)?.add(`m:${meeting.meetingId}`);
    for (const group of manager.workingGroups)
      for (const id of group.ngoMemberIds) seen.get(id)?.add(`g:${group.workingGroupId}`);
  }
  return Object.fromEntries([...seen].map(([id, set]) => [id, set.size]));
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();

describe("merging duplicate NGOs across services", () => {
  let merged: string;
  let survivor: string;
  let mergeId: string;
  let before: Record<string, string>;
  let countsBefore: { merged: Awaited<ReturnType<typeof countsOf>>; survivor: Awaited<ReturnType<typeof countsOf>> };
  let meetingsUnion: number;
  let mentionsUnion: number;
  let ngoTotal: number;
  const zanjanNgos = async () =>
    (await gql("demo.province", `{ ngos(filter: { provinceId: "19" }, limit: 1) { totalCount } }`)).ngos
      .totalCount as number;

  beforeAll(async () => {
    // The Zanjan NGO with the most engagement records is merged into another Zanjan NGO that attended meetings.
    const rows = await admin<{ id: string; n: number }>(
      `SELECT n.id, ((SELECT count(*) FROM engagement.meeting_attendance a WHERE a.ngo_id = n.id)
                 + (SELECT count(*) FROM engagement.working_group_member w WHERE w.ngo_id = n.id)
                 + (SELECT count(*) FROM engagement.project_partner p WHERE p.ngo_id = n.id)
                 + (SELECT count(*) FROM engagement.demand d WHERE d.ngo_id = n.id)
                 + (SELECT count(*) FROM engagement.proposal p WHERE p.ngo_id = n.id))::int AS n
         FROM registry.ngo n WHERE n.province_id = '19' ORDER BY 2 DESC, n.id LIMIT 2`,
    );
    [merged, survivor] = [rows[0].id, rows[1].id];
    expect(rows[0].n).toBeGreaterThan(0);
    // Make sure both attended one meeting (that meeting must count once for the survivor).
    await admin(
      `INSERT INTO engagement.meeting_attendance (meeting_id, ngo_id)
       SELECT a.meeting_id, $2 FROM engagement.meeting_attendance a JOIN engagement.meeting m ON m.id = a.meeting_id
        WHERE a.ngo_id = $1 AND m.status = 'HELD' AND NOT EXISTS (SELECT 1 FROM engagement.meeting_attendance b WHERE b.meeting_id = a.meeting_id AND b.ngo_id = $2)
        ORDER BY m.held_at DESC LIMIT 1`,
      [merged, survivor],
    );
    const [{ shared }] = await admin<{ shared: number }>(
      `SELECT count(*)::int AS shared FROM engagement.meeting_attendance a JOIN engagement.meeting_attendance b
         ON a.meeting_id = b.meeting_id WHERE a.ngo_id = $1 AND b.ngo_id = $2`,
      [merged, survivor],
    );
    expect(shared).toBeGreaterThan(0);
    const [{ n }] = await admin<{ n: number }>(
      `SELECT count(DISTINCT meeting_id)::int AS n FROM engagement.meeting_attendance WHERE ngo_id IN ($1, $2)`,
      [merged, survivor],
    );
    meetingsUnion = n;
    countsBefore = { merged: await countsOf(merged), survivor: await countsOf(survivor) };
    const mentions = await factsMentions([merged, survivor]);
    expect(mentions[merged]).toBeGreaterThan(0);
    // Facts that name both count once after the merge.
    const { engagementFacts } = await gql(
      "demo.admin",
      `{ engagementFacts(year: 1404) { managers { meetings { meetingId ngoIds } workingGroups { workingGroupId ngoMemberIds } } } }`,
    );
    const either = new Set<string>();
    for (const manager of engagementFacts.managers) {
      for (const m of manager.meetings)
        if (m.ngoIds.includes(merged) || m.ngoIds.includes(survivor)) either.add(`m:${m.meetingId}`);
      for (const g of manager.workingGroups)
        if (g.ngoMemberIds.includes(merged) || g.ngoMemberIds.includes(survivor)) either.add(`g:${g.workingGroupId}`);
    }
    mentionsUnion = either.size;
    ngoTotal = await zanjanNgos();
    before = await digests();
  });

  it("refuses merging an NGO into itself, with BAD_USER_INPUT and a Persian message", async () => {
    const result = await call(
      "demo.province",
      `mutation($id: ID!) { mergeNgos(mergedId: $id, survivorId: $id, reason: "تکراری") { id } }`,
      { id: merged },
    );
    expect(result.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(result.errors[0].message).toMatch(/در خودش ادغام/);
    const short = await call(
      "demo.province",
      `mutation($a: ID!, $b: ID!) { mergeNgos(mergedId: $a, survivorId: $b, reason: " ") { id } }`,
      { a: merged, b: survivor },
    );
    expect(short.errors[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "reason" } });
    expect(await digests()).toEqual(before);
  });

  it("refuses an NGO out of the user's territory as not found, and changes nothing", async () => {
    const [outside] = await admin<{ id: string }>(
      `SELECT id FROM registry.ngo WHERE province_id <> '19' ORDER BY id LIMIT 1`,
    );
    const result = await call(
      "demo.province",
      `mutation($a: ID!, $b: ID!) { mergeNgos(mergedId: $a, survivorId: $b, reason: "همان سمن است") { id } }`,
      { a: outside.id, b: survivor },
    );
    expect(result.errors[0].extensions.code).toBe("NOT_FOUND");
    expect(result.errors[0].message).toMatch(/پیدا نشد/);
    // A county officer may not merge NGOs of other counties of the province either.
    const [otherCounty] = await admin<{ id: string }>(
      `SELECT id FROM registry.ngo WHERE province_id = '19' AND county_id <> '1901' ORDER BY id LIMIT 1`,
    );
    const [ownCounty] = await admin<{ id: string }>(
      `SELECT id FROM registry.ngo WHERE county_id = '1901' ORDER BY id LIMIT 1`,
    );
    const county = await call(
      "demo.county",
      `mutation($a: ID!, $b: ID!) { mergeNgos(mergedId: $a, survivorId: $b, reason: "همان سمن است") { id } }`,
      { a: otherCounty.id, b: ownCounty.id },
    );
    expect(county.errors[0].extensions.code).toBe("NOT_FOUND");
    expect(await digests()).toEqual(before);
  });

  it("merges: every engagement record of the merged NGO now counts for the survivor, in every service", async () => {
    const { mergeNgos } = await gql(
      "demo.province",
      `mutation($a: ID!, $b: ID!) { mergeNgos(mergedId: $a, survivorId: $b, reason: "همان سمن با دو شناسه ثبت شده") {
         id mergedId survivorId mergedName reason engagementSynced undoneAt } }`,
      { a: merged, b: survivor },
    );
    mergeId = mergeNgos.id;
    expect(mergeNgos).toMatchObject({ mergedId: merged, survivorId: survivor, engagementSynced: true, undoneAt: null });
    const after = await countsOf(survivor);
    expect(after.meetings).toBe(meetingsUnion);
    expect(after.meetings).toBeLessThan(countsBefore.merged.meetings + countsBefore.survivor.meetings); // shared once
    expect(after.workingGroups).toEqual(union(countsBefore.merged.workingGroups, countsBefore.survivor.workingGroups));
    expect(after.proposals).toEqual(union(countsBefore.merged.proposals, countsBefore.survivor.proposals));
    expect(after.demands).toEqual(union(countsBefore.merged.demands, countsBefore.survivor.demands));
    expect(after.projects).toBeGreaterThanOrEqual(
      Math.max(countsBefore.merged.projects, countsBefore.survivor.projects),
    );
    const [{ projects }] = await admin<{ projects: number }>(
      `SELECT count(*)::int AS projects FROM engagement.project_partner WHERE ngo_id = $1`,
      [survivor],
    );
    expect(after.projects).toBe(projects);
    // No engagement row names the merged NGO any more.
    for (const table of ENGAGEMENT_TABLES) {
      const [{ n }] = await admin<{ n: number }>(
        `SELECT count(*)::int AS n FROM engagement.${table} WHERE ngo_id = $1`,
        [merged],
      );
      expect({ table, n }).toEqual({ table, n: 0 });
    }
    // The evaluation's facts: the merged NGO is gone, the survivor is named wherever either was.
    const mentions = await factsMentions([merged, survivor]);
    expect(mentions).toEqual({ [merged]: 0, [survivor]: mentionsUnion });
    // The merged record: an alias, out of the lists.
    const { ngo } = await gql("demo.province", NGO_COUNTS, { id: merged });
    expect(ngo).toMatchObject({ status: "MERGED", mergedInto: { id: survivor } });
    expect(await zanjanNgos()).toBe(ngoTotal - 1);
    // Search finds the survivor, never the alias (the merged record's own name is searched).
    const [{ name }] = await admin<{ name: string }>(`SELECT name FROM registry.ngo WHERE id = $1`, [merged]);
    const { searchNgos } = await gql("demo.province", `query($q: String!) { searchNgos(q: $q, limit: 50) { ngoId } }`, {
      q: name,
    });
    expect(searchNgos.map((hit: { ngoId: string }) => hit.ngoId)).not.toContain(merged);
    // Federation: whatever still holds the merged id (an evaluation's stored breakdown) is given the survivor.
    const headers = await subgraphHeaders(stack.security, { role: Role.PROVINCE_OFFICER, provinceId: "19" });
    const entities = await postGraphQL(
      stack.subgraphUrls.registry,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Ngo { id } } }`,
      { r: [{ __typename: "Ngo", id: merged }] },
      headers,
    );
    expect(entities.data!._entities).toEqual([{ id: survivor }]);
  });

  it("refuses a new record naming the merged NGO, pointing to the survivor", async () => {
    const result = await call(
      "demo.province",
      `mutation($ngo: ID!) { createDemand(input: { ngoId: $ngo, provinceId: "19", category: INFRASTRUCTURE, title: "ساختمان", raisedOn: "2025-05-01" }) { id } }`,
      { ngo: merged },
    );
    expect(result.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(result.errors[0].message).toContain("ادغام شده");
    expect(result.errors[0].message).toContain(survivor);
  });

  it("keeps MERGED for merging only: a merged record is not edited, no record is given the status by hand", async () => {
    const edit = await call(
      "demo.province",
      `mutation($id: ID!) { updateNgo(id: $id, input: { membersCount: 12 }) { id } }`,
      { id: merged },
    );
    expect(edit.errors[0].extensions.code).toBe("CONFLICT");
    expect(edit.errors[0].message).toMatch(/ادغام شده است؛ سمن باقی‌مانده را ویرایش کنید/);
    const byHand = await call(
      "demo.province",
      `mutation($id: ID!) { updateNgo(id: $id, input: { status: MERGED }) { id } }`,
      { id: survivor },
    );
    expect(byHand.errors[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(byHand.errors[0].message).toMatch(/فقط با ادغام/);
  });

  it("is idempotent: merging again answers the same merge and changes nothing", async () => {
    const state = await digests();
    const [{ n: audits }] = await admin<{ n: number }>(
      `SELECT count(*)::int AS n FROM identity.audit_entry WHERE action IN ('mergeNgos', 'applyNgoMerge')`,
    );
    expect(audits).toBe(2);
    const { mergeNgos } = await gql(
      "demo.province",
      `mutation($a: ID!, $b: ID!) { mergeNgos(mergedId: $a, survivorId: $b, reason: "دوباره") { id reason } }`,
      { a: merged, b: survivor },
    );
    expect(mergeNgos).toEqual({ id: mergeId, reason: "همان سمن با دو شناسه ثبت شده" });
    expect(await gql("demo.province", `mutation { syncNgoMerges }`)).toEqual({ syncNgoMerges: 0 });
    expect(await digests()).toEqual(state);
    const [{ n: again }] = await admin<{ n: number }>(
      `SELECT count(*)::int AS n FROM identity.audit_entry WHERE action IN ('mergeNgos', 'applyNgoMerge')`,
    );
    expect(again).toBe(2);
  });

  it("refuses merging into an alias and merging away an NGO others were merged into (CONFLICT), changing nothing", async () => {
    const state = await digests();
    const [third] = await admin<{ id: string }>(
      `SELECT id FROM registry.ngo WHERE province_id = '19' AND id NOT IN ($1, $2) ORDER BY id LIMIT 1`,
      [merged, survivor],
    );
    const intoAlias = await call(
      "demo.province",
      `mutation($a: ID!, $b: ID!) { mergeNgos(mergedId: $a, survivorId: $b, reason: "همان سمن است") { id } }`,
      { a: third.id, b: merged },
    );
    expect(intoAlias.errors[0].extensions.code).toBe("CONFLICT");
    expect(intoAlias.errors[0].message).toMatch(/خود در سمن دیگری ادغام شده/);
    const chain = await call(
      "demo.province",
      `mutation($a: ID!, $b: ID!) { mergeNgos(mergedId: $a, survivorId: $b, reason: "همان سمن است") { id } }`,
      { a: survivor, b: third.id },
    );
    expect(chain.errors[0].extensions.code).toBe("CONFLICT");
    expect(await digests()).toEqual(state);
  });

  it("only an administrator undoes; the undo restores every table exactly and is idempotent", async () => {
    const denied = await call(
      "demo.province",
      `mutation($id: ID!) { undoNgoMerge(id: $id, reason: "اشتباه بود") { id } }`,
      { id: mergeId },
    );
    expect(denied.errors[0].extensions.code).toBe("FORBIDDEN");
    const { undoNgoMerge } = await gql(
      "demo.admin",
      `mutation($id: ID!) { undoNgoMerge(id: $id, reason: "دو سمن جدا هستند") { id undoneAt undoneBy undoReason engagementSynced } }`,
      { id: mergeId },
    );
    expect(undoNgoMerge).toMatchObject({ id: mergeId, undoneBy: "demo.admin", engagementSynced: true });
    expect(undoNgoMerge.undoneAt).not.toBeNull();
    const restored = await digests();
    // Registry rows differ only by the edit counter; names and statuses are back.
    expect(restored).toEqual(before);
    expect(await countsOf(merged)).toEqual(countsBefore.merged);
    expect(await countsOf(survivor)).toEqual(countsBefore.survivor);
    expect(await zanjanNgos()).toBe(ngoTotal);
    const again = await gql(
      "demo.admin",
      `mutation($id: ID!) { undoNgoMerge(id: $id, reason: "دوباره") { id undoReason } }`,
      { id: mergeId },
    );
    expect(again.undoNgoMerge).toEqual({ id: mergeId, undoReason: "دو سمن جدا هستند" });
    expect(await digests()).toEqual(before);
    const events = await admin<{ kind: string }>(`SELECT kind FROM registry.ngo_merge_event ORDER BY sequence`);
    expect(events.map((e) => e.kind)).toEqual(["MERGE", "UNDO"]);
    const { ngoMerges } = await gql("demo.admin", `{ ngoMerges(includeUndone: true) { id undoneAt } }`);
    expect(ngoMerges.map((m: { id: string }) => m.id)).toEqual([mergeId]);
    expect((await gql("demo.admin", `{ ngoMerges { id } }`)).ngoMerges).toEqual([]);
  });
});

describe("merges at the same instant", () => {
  it("of a pair in both directions: one merge stands, the other is refused with CONFLICT", async () => {
    const pair = await admin<{ id: string }>(
      `SELECT id FROM registry.ngo WHERE county_id = '1901' AND status = 'ACTIVE' ORDER BY id DESC LIMIT 2`,
    );
    const merge = (a: string, b: string) =>
      call(
        "demo.county",
        `mutation($a: ID!, $b: ID!) { mergeNgos(mergedId: $a, survivorId: $b, reason: "همان سمن است") { id } }`,
        { a, b },
      );
    const results = await Promise.all([merge(pair[0].id, pair[1].id), merge(pair[1].id, pair[0].id)]);
    expect(results.filter((r) => r.data?.mergeNgos).length).toBe(1);
    expect(results.find((r) => r.errors)?.errors[0].extensions.code).toBe("CONFLICT");
    const [{ n }] = await admin<{ n: number }>(
      `SELECT count(*)::int AS n FROM registry.ngo_merge WHERE undone_at IS NULL AND $1 IN (merged_id, survivor_id)`,
      [pair[0].id],
    );
    expect(n).toBe(1);
    const malformed = await merge("not-an-id", pair[0].id);
    expect(malformed.errors[0].extensions.code).toBe("NOT_FOUND");
  });
});

describe("dismissing a candidate pair", () => {
  it("is not proposed again; dismissing it twice changes nothing", async () => {
    // A Zanjan NGO entered twice (same name and phone, another county and national id).
    await admin(
      `INSERT INTO registry.ngo SELECT (jsonb_populate_record(NULL::registry.ngo,
         to_jsonb(n) || jsonb_build_object('id', gen_random_uuid(), 'national_id', '10999999999',
           'county_id', (SELECT c.id FROM registry.county c WHERE c.province_id = '19' AND c.id <> n.county_id ORDER BY c.id LIMIT 1)))).*
         FROM registry.ngo n WHERE n.province_id = '19' AND n.status = 'ACTIVE' ORDER BY n.id LIMIT 1`,
    );
    const query = `{ duplicateNgoCandidates(provinceId: "19", minScore: 0, limit: 500) { firstId secondId } }`;
    const { duplicateNgoCandidates: pairs } = await gql("demo.province", query);
    expect(pairs.length).toBeGreaterThan(0);
    const [pair] = pairs;
    const dismiss = `mutation($a: ID!, $b: ID!) { dismissNgoDuplicate(firstId: $a, secondId: $b, reason: "دو سمن متفاوت با نام مشابه") {
      firstId secondId reason dismissedBy } }`;
    const { dismissNgoDuplicate } = await gql("demo.province", dismiss, { a: pair.secondId, b: pair.firstId });
    expect(dismissNgoDuplicate).toMatchObject({ reason: "دو سمن متفاوت با نام مشابه", dismissedBy: "demo.province" });
    const after = (await gql("demo.province", query)).duplicateNgoCandidates;
    expect(after).toHaveLength(pairs.length - 1);
    expect(after).not.toContainEqual(pair);
    await gql("demo.province", dismiss, { a: pair.firstId, b: pair.secondId });
    const [{ n }] = await admin<{ n: number }>(
      `SELECT count(*)::int AS n FROM identity.audit_entry WHERE action = 'dismissNgoDuplicate'`,
    );
    expect(n).toBe(1);
    const self = await call("demo.province", dismiss, { a: pair.firstId, b: pair.firstId });
    expect(self.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});
