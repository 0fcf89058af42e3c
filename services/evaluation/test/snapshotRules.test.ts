import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { canonicalResults, computeResults, CURRENT_RULES_VERSION } from "../src/scoring";
import { DEFAULT_RUBRIC, QUALIFYING_RULES } from "../src/rubric";
import { judgeManagerFacts } from "../src/qualifying";
import {
  EngagementManagerAnswer,
  FORMAT_1_RULES,
  managerFactsOf,
  rulesOf,
  SNAPSHOT_FORMAT_VERSION,
  SnapshotBuilder,
  snapshotFromEngagement,
} from "../src/snapshot";
import { FactsSnapshotV1, FactsSnapshotV2, IndicatorSpec, SnapshotManager } from "../src/scoringTypes";
import { syntheticFacts } from "../src/seed/syntheticFacts";

/**
 * Snapshot formats. Format 1 (the first runs) must recompute to its stored results byte for byte: the fixture was
 * written by the scoring code as it was before format 2 existed (a snapshot and, per rubric, the canonical results
 * text and hash it stored). Format 2 stores raw facts with their thresholds and agency facts once, and must score
 * exactly as the same facts judged per manager.
 */
const fixture = JSON.parse(readFileSync(join(__dirname, "fixtures", "format1Run.json"), "utf8")) as {
  snapshot: FactsSnapshotV1;
  runs: { rubric: IndicatorSpec[]; resultsHash: string; resultsText: string }[];
};
const stored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe("format 1 (stored by the first runs)", () => {
  it.each(fixture.runs.map((run, i) => [i, run] as const))(
    "run %i recomputes to its stored results, byte-equal",
    (_, run) => {
      expect(fixture.snapshot.formatVersion).toBeUndefined();
      const { text, hash } = canonicalResults(computeResults(stored(fixture.snapshot), run.rubric, 1));
      expect(text.length).toBe(run.resultsText.length);
      expect(text === run.resultsText).toBe(true);
      expect(hash).toBe(run.resultsHash);
    },
  );

  it.each(fixture.runs.map((run, i) => [i, run] as const))(
    "run %i needs its own rules version (1): the current rules give other results",
    (_, run) => {
      expect(CURRENT_RULES_VERSION).not.toBe(1);
      const { hash } = canonicalResults(computeResults(stored(fixture.snapshot), run.rubric, CURRENT_RULES_VERSION));
      expect(hash).not.toBe(run.resultsHash);
    },
  );

  it("is judged with the frozen format 1 thresholds, not the live rubric's", () => {
    expect(rulesOf(fixture.snapshot)).toBe(FORMAT_1_RULES);
    expect(FORMAT_1_RULES).toEqual({ minWorkingGroupSessions: 2, responseDays: 30 });
    expect(Object.isFrozen(FORMAT_1_RULES)).toBe(true);
  });

  it("keeps the reason texts that name the thresholds", () => {
    const text = fixture.runs[0].resultsText;
    expect(text).toContain("در سال 1 بار تشکیل جلسه داد (کمتر از ۲)");
    expect(text).toContain("هنوز ۳۰ روز از ثبت آن نگذشته بود");
  });
});

// ---- format 2: a small world, the engagement service's attribution of it, and both formats of its snapshot ----

interface World {
  managers: SnapshotManager[];
  resolutions: {
    id: string;
    owner: string | null;
    agency: string | null;
    deadline: string;
    status: string;
    done: string | null;
  }[];
  groups: { id: string; name: string; chair: string | null; agency: string | null; ngos: string[]; sessions: number }[];
  requests: { id: string; agency: string; sent: string; answered: string | null }[];
}

const MANAGER_IDS = ["m1", "m2", "m3", "m4", "m5"].map((m, i) => `00000000-0000-4000-8000-00000000000${i + 1}`);
const AGENCY_IDS = ["20000000-0000-4000-8000-000000000001", "20000000-0000-4000-8000-000000000002"];

/** What `engagementFacts` answers for the world: agency facts repeated for each manager of the agency. */
function engagementAnswer(world: World): EngagementManagerAnswer[] {
  const agencyOf = new Map(world.managers.map((m) => [m.id, m.agencyId]));
  const byDeadline = [...world.resolutions].sort((a, b) => (a.deadline + a.id < b.deadline + b.id ? -1 : 1));
  const byName = [...world.groups].sort((a, b) => (a.name + a.id < b.name + b.id ? -1 : 1));
  const bySent = [...world.requests].sort((a, b) => (a.sent + a.id < b.sent + b.id ? -1 : 1));
  return world.managers.map((m) => ({
    managerId: m.id,
    meetings: [],
    resolutions: byDeadline.flatMap((r) => {
      const ownedBy =
        r.owner === m.id ? "MANAGER" : r.agency !== null && r.agency === agencyOf.get(m.id) ? "AGENCY" : null;
      if (!ownedBy) return [];
      const raw = { resolutionId: r.id, meetingId: "mt", deadline: r.deadline, status: r.status, completedOn: r.done };
      return [{ ...raw, ownedBy, ownerManagerId: r.owner, ownerAgencyId: r.agency }];
    }),
    workingGroups: byName
      .filter((g) => g.chair === m.id || (g.agency !== null && g.agency === agencyOf.get(m.id)))
      .map((g) => ({
        workingGroupId: g.id,
        name: g.name,
        ngoMemberIds: g.ngos,
        sessionsHeld: g.sessions,
        chairManagerId: g.chair,
        chairAgencyId: g.agency,
      })),
    requests: bySent
      .filter((r) => r.agency === agencyOf.get(m.id))
      .map((r) => ({
        kind: "PROPOSAL",
        id: r.id,
        ngoId: "n",
        agencyId: r.agency,
        submittedOn: r.sent,
        respondedOn: r.answered,
      })),
  }));
}

const ASOF = "2026-03-25";
const base = { year: 1404, asOf: ASOF, licenceStates: {}, activeNgos: { byProvince: { "19": 10 }, byCounty: {} } };
const formats = (world: World, rules = QUALIFYING_RULES): { v1: FactsSnapshotV1; v2: FactsSnapshotV2 } => {
  const answer = engagementAnswer(world);
  return {
    v1: { ...base, managers: world.managers, facts: answer.map((a) => judgeManagerFacts(a, ASOF, rules)) },
    v2: snapshotFromEngagement({ ...base, rules, managers: world.managers, engagement: answer }),
  };
};

const day = fc.constantFrom("2025-05-01", "2025-08-01", "2025-12-01", "2026-03-01", "2026-03-20", "2026-03-24");
const worldArb: fc.Arbitrary<World> = fc
  .record({
    agencies: fc.array(fc.constantFrom(...AGENCY_IDS), { minLength: 5, maxLength: 5 }),
    resolutions: fc.array(
      fc.record({
        owner: fc.option(fc.constantFrom(...MANAGER_IDS)),
        agency: fc.option(fc.constantFrom(...AGENCY_IDS)),
        deadline: day,
        status: fc.constantFrom("OPEN", "IN_PROGRESS", "DONE", "CANCELLED"),
        done: fc.option(day),
      }),
      { maxLength: 12 },
    ),
    groups: fc.array(
      fc.record({
        name: fc.constantFrom("الف", "ب", "پ"),
        chair: fc.option(fc.constantFrom(...MANAGER_IDS)),
        agency: fc.option(fc.constantFrom(...AGENCY_IDS)),
        ngos: fc.constantFrom([], ["n1"], ["n1", "n2"]),
        sessions: fc.nat(4),
      }),
      { maxLength: 6 },
    ),
    requests: fc.array(fc.record({ agency: fc.constantFrom(...AGENCY_IDS), sent: day, after: fc.option(fc.nat(60)) }), {
      maxLength: 10,
    }),
  })
  .map(({ agencies, resolutions, groups, requests }) => ({
    managers: MANAGER_IDS.map((id, i) => ({
      id,
      name: `مدیر ${i}`,
      position: "مدیر کل",
      positionKind: "DIRECTOR_GENERAL",
      agencyId: agencies[i],
      provinceId: "19",
      countyId: null,
      tenureStart: "2020-01-01",
      tenureEnd: null,
    })),
    resolutions: resolutions
      .filter((r) => r.owner !== null || r.agency !== null)
      .map((r, i) => ({
        ...r,
        id: `50000000-0000-4000-8000-0000000000${10 + i}`,
        done: r.status === "DONE" ? (r.done ?? r.deadline) : null,
      })),
    groups: groups
      .filter((g) => g.chair !== null || g.agency !== null)
      .map((g, i) => ({ ...g, id: `60000000-0000-4000-8000-0000000000${10 + i}` })),
    requests: requests.map((r, i) => ({
      id: `70000000-0000-4000-8000-0000000000${10 + i}`,
      agency: r.agency,
      sent: r.sent,
      answered:
        r.after === null
          ? null
          : new Date(Date.parse(`${r.sent}T00:00:00Z`) + r.after * 86_400_000).toISOString().slice(0, 10),
    })),
  }));

describe("format 2", () => {
  it("is what new snapshots hold (format 3 packs them)", () => {
    expect(SNAPSHOT_FORMAT_VERSION).toBe(3);
    const { v2 } = formats({ managers: [], resolutions: [], groups: [], requests: [] });
    expect(v2.formatVersion).toBe(2);
    expect(v2.rules).toEqual(QUALIFYING_RULES);
  });

  it("property: scores exactly as the same facts judged per manager (format 1 shape), and survives storage", () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const { v1, v2 } = formats(world);
        const expected = canonicalResults(computeResults(v1, DEFAULT_RUBRIC, 1)).text;
        expect(canonicalResults(computeResults(v2, DEFAULT_RUBRIC, 1)).text).toBe(expected);
        expect(canonicalResults(computeResults(stored(v2), DEFAULT_RUBRIC, 1)).text).toBe(expected);
        const none = (managerId: string) => ({
          managerId,
          meetings: [],
          resolutions: [],
          workingGroups: [],
          requests: [],
        });
        for (const m of world.managers)
          expect(managerFactsOf(v2)(m) ?? none(m.id)).toEqual(managerFactsOf(v1)(m) ?? none(m.id));
      }),
      { numRuns: 200 },
    );
  });

  it("property: built page by page (SnapshotBuilder, pages in any order) it is the snapshot of the whole answer", () => {
    fc.assert(
      fc.property(worldArb, fc.array(fc.nat(MANAGER_IDS.length)), fc.boolean(), (world, cuts, reversed) => {
        const answer = engagementAnswer(world);
        const whole = snapshotFromEngagement({
          ...base,
          rules: QUALIFYING_RULES,
          managers: world.managers,
          engagement: answer,
        });
        const bounds = [...new Set([0, ...cuts, answer.length])].sort((a, b) => a - b);
        const pages = bounds.slice(1).map((end, i) => answer.slice(bounds[i], end));
        const builder = new SnapshotBuilder();
        const meetings = (reversed ? [...pages].reverse() : pages).flatMap((page) => builder.add(page));
        const paged = builder.build({ ...base, rules: QUALIFYING_RULES, managers: world.managers });
        expect(JSON.stringify(paged)).toBe(JSON.stringify(whole));
        expect(meetings.map((m) => m.meetingId).sort()).toEqual(
          whole.facts.flatMap((f) => f.meetings.map((m) => m.meetingId)).sort(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("property: stores each agency-owned resolution, agency-chaired group and request once", () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const { v2 } = formats(world);
        const ids = (list: { id?: string; resolutionId?: string; workingGroupId?: string }[]) =>
          list.map((x) => x.resolutionId ?? x.workingGroupId ?? x.id);
        const agencyResolutions = v2.agencies.flatMap((a) => ids(a.resolutions));
        const agencyRequests = v2.agencies.flatMap((a) => ids(a.requests));
        expect(new Set(agencyResolutions).size).toBe(agencyResolutions.length);
        expect(new Set(agencyRequests).size).toBe(agencyRequests.length);
        const asked = new Set(world.managers.map((m) => m.agencyId));
        expect(agencyRequests.sort()).toEqual(
          world.requests
            .filter((r) => asked.has(r.agency))
            .map((r) => r.id)
            .sort(),
        );
        const ownResolutions = v2.facts.flatMap((f) => ids(f.resolutions));
        expect(ownResolutions.sort()).toEqual(
          world.resolutions
            .filter((r) => r.owner !== null)
            .map((r) => r.id)
            .sort(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("judges with the thresholds stored in it, not the live ones", () => {
    const world: World = {
      managers: [
        {
          id: MANAGER_IDS[0],
          name: "مدیر",
          position: "مدیر کل",
          positionKind: "DIRECTOR_GENERAL",
          agencyId: AGENCY_IDS[0],
          provinceId: "19",
          countyId: null,
          tenureStart: "2020-01-01",
          tenureEnd: null,
        },
      ],
      resolutions: [],
      groups: [{ id: "g", name: "الف", chair: MANAGER_IDS[0], agency: null, ngos: ["n1"], sessions: 2 }],
      requests: [{ id: "r", agency: AGENCY_IDS[0], sent: "2025-05-01", answered: "2025-06-10" }],
    };
    const participation = (snapshot: FactsSnapshotV2) =>
      computeResults(stored(snapshot), DEFAULT_RUBRIC, 1)[0].indicators.filter((i) =>
        ["PARTICIPATION", "RESPONSIVENESS"].includes(i.code),
      );
    const live = participation(formats(world).v2);
    expect(live.map((i) => i.numerator)).toEqual([1, 0]);
    const strict = participation(formats(world, { minWorkingGroupSessions: 3, responseDays: 45 }).v2);
    expect(strict.map((i) => i.numerator)).toEqual([0, 1]);
    expect(strict[0].evidence[0].reasons).toEqual(["در سال 2 بار تشکیل جلسه داد (کمتر از ۳)"]);
  });

  it("is smaller than format 1 for the same synthetic country (agency facts once)", () => {
    const v2 = syntheticFacts(600);
    const v1: FactsSnapshotV1 = {
      year: v2.year,
      asOf: v2.asOf,
      managers: v2.managers,
      facts: v2.managers.flatMap((m) => managerFactsOf(v2)(m) ?? []),
      licenceStates: v2.licenceStates,
      activeNgos: v2.activeNgos,
    };
    expect(canonicalResults(computeResults(v1, DEFAULT_RUBRIC, 1)).text).toBe(
      canonicalResults(computeResults(v2, DEFAULT_RUBRIC, 1)).text,
    );
    expect(JSON.stringify(v2).length).toBeLessThan(JSON.stringify(v1).length / 2);
  });
});
