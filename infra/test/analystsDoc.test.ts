import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OperationDefinitionNode, parse } from "graphql";
import { gatewayUsers, InProcessStack, prepareTestDatabase, startInProcessStack } from "@hamafza/infra";

/**
 * docs/analysts.md cannot rot: every ```graphql block of it runs through the gateway against the demo data, as the
 * user its `# as:` line names (an analyst otherwise), and must answer without errors, with data in every top-level
 * field and plausible figures; some answers are compared with the same figure computed from the plain lists.
 */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const DOC = readFileSync(join(__dirname, "../../docs/analysts.md"), "utf8");
const EXAMPLES = [...DOC.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => {
  const query = match[1];
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  return {
    name: operation.name?.value ?? "(anonymous)",
    user: /^# as: (\S+)/m.exec(query)?.[1] ?? "demo.analyst",
    query,
  };
});

let prepared: Awaited<ReturnType<typeof prepareTestDatabase>>;
let stack: InProcessStack;
const { gql } = gatewayUsers(() => stack);

beforeAll(async () => {
  prepared = await prepareTestDatabase("analystsdoc", { demo: true });
  stack = await startInProcessStack(prepared);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await prepared?.drop();
});

const total = async (user: string, list: string, filterType: string, filter: Record<string, unknown>) =>
  (await gql(user, `query($f: ${filterType}) { ${list}(filter: $f, limit: 1) { totalCount } }`, { f: filter }))[list]
    .totalCount as number;

/** Every number is finite and not negative, rates lie in 0…1. */
function checkPlausible(value: Json, path: string): void {
  if (typeof value === "number") {
    expect({ path, ok: Number.isFinite(value) && value >= 0 }).toEqual({ path, ok: true });
    if (/Rate$/.test(path)) expect(value).toBeLessThanOrEqual(1);
  } else if (Array.isArray(value)) value.forEach((item, i) => checkPlausible(item, `${path}[${i}]`));
  else if (value && typeof value === "object")
    for (const [key, inner] of Object.entries(value)) checkPlausible(inner, key);
}

/** A top-level answer with data: a non-empty list, a page with items, or an object. */
function checkNonEmpty(value: Json, field: string): void {
  expect({ field, present: value !== null && value !== undefined }).toEqual({ field, present: true });
  if (Array.isArray(value)) expect({ field, length: value.length > 0 }).toEqual({ field, length: true });
  else if (typeof value.totalCount === "number")
    expect({ field, items: value.totalCount > 0 && value.items.length > 0 }).toEqual({ field, items: true });
}

/** Answers compared with the same figures computed from the plain lists. */
const CROSS_CHECKS: Record<string, (data: Json, user: string) => Promise<void>> = {
  async CountiesWithoutMeeting(data, user) {
    const without = new Set(data.countiesWithoutProblemCentredMeeting.map((c: { id: string }) => c.id));
    const { province } = await gql(user, `{ province(id: "19") { counties { id } } }`);
    for (const { id } of province.counties) {
      const held = await total(user, "meetings", "MeetingFilter", {
        countyId: id,
        jalaliYear: 1404,
        jalaliQuarter: 4,
        kind: "QUARTERLY_PROBLEM_CENTRED",
        status: "HELD",
        withNgos: true,
      });
      expect({ id, without: without.has(id) }).toEqual({ id, without: held === 0 });
    }
  },
  async NgosByFieldInProvince(data, user) {
    for (const row of data.ngoCounts)
      expect(await total(user, "ngos", "NgoFilter", { provinceId: "19", fieldId: row.key })).toBe(row.count);
  },
  async NgosPerProvince(data, user) {
    for (const row of data.ngoCounts)
      expect(await total(user, "ngos", "NgoFilter", { provinceId: row.key })).toBe(row.count);
  },
  async OverdueResolutionsByAgency(data, user) {
    const byAgency = new Map<string, number>();
    for (const row of data.overdueResolutionCounts)
      if (row.ownerAgencyId) byAgency.set(row.ownerAgencyId, (byAgency.get(row.ownerAgencyId) ?? 0) + row.overdue);
    expect(byAgency.size).toBeGreaterThan(0);
    for (const [ownerAgencyId, overdue] of byAgency)
      expect(
        await total(user, "resolutions", "ResolutionFilter", { provinceId: "19", ownerAgencyId, overdue: true }),
      ).toBe(overdue);
  },
  async GradeDistributionByProvince(data, user) {
    for (const [alias, provinceId] of [
      ["zanjan", "19"],
      ["isfahan", "10"],
    ]) {
      const sum = data[alias].reduce((s: number, row: { count: number }) => s + row.count, 0);
      expect(sum).toBe(await total(user, "evaluationResults", "EvaluationResultFilter", { year: 1404, provinceId }));
    }
  },
  async ExchangeMeetingsPerMonth(data, user) {
    expect(data.meetingMonthlyRhythm.map((row: { month: number }) => row.month)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    const held = data.meetingMonthlyRhythm.reduce((sum: number, row: { held: number }) => sum + row.held, 0);
    expect(held).toBeGreaterThan(0);
    expect(held).toBe(
      await total(user, "meetings", "MeetingFilter", {
        provinceId: "19",
        jalaliYear: 1404,
        kind: "NGO_EXCHANGE",
        status: "HELD",
      }),
    );
  },
  async LicencesExpiringNextMonth(data) {
    for (const licence of data.expiringLicences.items) expect(licence.daysToExpiry).toBeLessThanOrEqual(31);
  },
  async CountyAtAGlance(data, user) {
    expect(data.county.ngos.totalCount).toBe(await total(user, "ngos", "NgoFilter", { countyId: "1901" }));
    expect(data.county.meetings.totalCount).toBe(
      await total(user, "meetings", "MeetingFilter", { countyId: "1901", jalaliYear: 1404 }),
    );
  },
};

describe("docs/analysts.md", () => {
  it("has at least 15 worked examples, each a named operation", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(EXAMPLES.map((e) => e.name)).size).toBe(EXAMPLES.length);
    // Every cross-check names an example that exists.
    for (const name of Object.keys(CROSS_CHECKS)) expect(EXAMPLES.map((e) => e.name)).toContain(name);
  });

  it.each(EXAMPLES.map((e) => [e.name, e] as const))("%s answers with plausible data", async (_name, example) => {
    const data = await gql(example.user, example.query);
    for (const [field, value] of Object.entries(data)) checkNonEmpty(value, field);
    checkPlausible(data, "");
    await CROSS_CHECKS[example.name]?.(data, example.user);
  });
});
