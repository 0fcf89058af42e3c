import { AuthUser, jalaliQuarterRange, namedQuery, SUPPORTED_JALALI_YEARS, withClient } from "@hamafza/common";
import fc from "fast-check";
import { applyMerge, undoMerge } from "../src/merging/ngoMergeRewrite";
import { territorySql } from "../src/util/sql";
import { periodTableSql, quarterPeriods } from "../src/util/time";
import {
  ADMIN,
  ANALYST,
  Caller,
  EngagementHarness,
  QAZVIN_OFFICER,
  startHarness,
  uuid,
  ZANJAN_COUNTY,
  ZANJAN_OFFICER,
} from "./helpers";

/**
 * `meetingStatistics` reads per-quarter counts kept by triggers (migration 1767340000010). Its answers must stay those
 * of the statement it replaced — one GROUP BY over every meeting with a range join on Jalali quarters and an
 * attendance probe per held meeting, kept here only as the oracle — after any mix of writes, for any arguments.
 */
let h: EngagementHarness;
beforeAll(async () => {
  h = await startHarness("meeting_statistics");
});
afterAll(async () => {
  await h?.stop();
});

interface Args {
  fromYear: number;
  toYear?: number;
  quarter?: number;
  groupBy: "PROVINCE" | "COUNTY";
  provinceId?: string;
  countyId?: string;
  kind?: string;
}

/** The statement meetingStatistics ran before the maintained counts: the oracle. */
async function oracle(caller: Caller, a: Args) {
  const user: AuthUser = { id: "oracle", username: "oracle", provinceId: null, countyId: null, ...caller };
  const periods = periodTableSql(
    quarterPeriods(a.fromYear, a.toYear ?? a.fromYear).filter((p) => !a.quarter || p.quarter === a.quarter),
  );
  const scope = territorySql(user, { province: "m.province_id", county: "m.county_id" });
  const county = a.groupBy === "COUNTY" ? "m.county_id" : "NULL::varchar";
  const rows = await namedQuery<Record<string, string | number | null>>(
    h.db,
    `SELECT m.province_id, ${county} AS county_id, period.year, period.quarter, m.kind, count(*) AS total,
            count(*) FILTER (WHERE m.status = 'PLANNED') AS planned,
            count(*) FILTER (WHERE m.status = 'HELD') AS held,
            count(*) FILTER (WHERE m.status = 'CANCELLED') AS cancelled,
            count(*) FILTER (WHERE m.status = 'HELD' AND EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id)) AS held_with_ngos
       FROM meeting m
       JOIN ${periods.sql} ON coalesce(m.held_at, m.scheduled_at) >= period.starts AND coalesce(m.held_at, m.scheduled_at) < period.ends
      WHERE true ${scope.sql} ${a.provinceId ? "AND m.province_id = :provinceId" : ""} ${a.countyId ? "AND m.county_id = :countyId" : ""} ${a.kind ? "AND m.kind = :kind" : ""}
      GROUP BY m.province_id, ${county}, period.year, period.quarter, m.kind
      ORDER BY m.province_id, ${county} NULLS FIRST, period.year, period.quarter, m.kind`,
    { ...periods.params, ...scope.params, provinceId: a.provinceId, countyId: a.countyId, kind: a.kind },
  );
  return rows.map((row) => ({
    provinceId: String(row.province_id),
    countyId: (row.county_id as string | null) ?? null,
    year: Number(row.year),
    quarter: Number(row.quarter),
    kind: row.kind,
    total: Number(row.total),
    planned: Number(row.planned),
    held: Number(row.held),
    cancelled: Number(row.cancelled),
    heldWithNgos: Number(row.held_with_ngos),
  }));
}

const STATISTICS = `query($from: Int!, $to: Int, $q: Int, $g: StatisticsLevel, $p: ID, $c: ID, $k: MeetingKind) {
  meetingStatistics(fromYear: $from, toYear: $to, quarter: $q, groupBy: $g, provinceId: $p, countyId: $c, kind: $k) {
    provinceId countyId year quarter kind total planned held cancelled heldWithNgos } }`;

async function answer(caller: Caller, a: Args) {
  const result = await h.gql(
    STATISTICS,
    { from: a.fromYear, to: a.toYear, q: a.quarter, g: a.groupBy, p: a.provinceId, c: a.countyId, k: a.kind },
    caller,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.meetingStatistics;
}

/** Everything the counts table holds (non-empty buckets) recomputed from the meetings of the supported years. */
async function countsMatchMeetings() {
  const kept = await h.rows(
    `SELECT year, quarter, province_id, county_id, kind, total, planned, held, cancelled, held_with_ngos
       FROM engagement.meeting_quarter_count WHERE total > 0 ORDER BY 1, 2, 3, 4 NULLS FIRST, 5`,
  );
  const recomputed = await h.rows(
    `SELECT j.year, j.quarter, m.province_id, m.county_id, m.kind, count(*)::int AS total,
            (count(*) FILTER (WHERE m.status = 'PLANNED'))::int AS planned,
            (count(*) FILTER (WHERE m.status = 'HELD'))::int AS held,
            (count(*) FILTER (WHERE m.status = 'CANCELLED'))::int AS cancelled,
            (count(*) FILTER (WHERE m.status = 'HELD' AND EXISTS (SELECT 1 FROM engagement.meeting_attendance a WHERE a.meeting_id = m.id)))::int AS held_with_ngos
       FROM engagement.meeting m
       JOIN engagement.jalali_quarter j ON coalesce(m.held_at, m.scheduled_at) >= j.starts AND coalesce(m.held_at, m.scheduled_at) < j.ends
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4 NULLS FIRST, 5`,
  );
  expect(kept).toEqual(recomputed);
  const counts = await h.rows(
    `SELECT m.id FROM engagement.meeting m
      WHERE m.attendance_count <> (SELECT count(*) FROM engagement.meeting_attendance a WHERE a.meeting_id = m.id)`,
  );
  expect(counts).toEqual([]);
}

// Instants at the edges of Jalali quarters (Tehran clock) of 1402–1405, inside them, and outside the supported years.
const INSTANTS = [
  ...[1402, 1403, 1404, 1405].flatMap((year) =>
    [1, 2, 3, 4].flatMap((quarter) => {
      const { start } = jalaliQuarterRange(year, quarter);
      return [start, new Date(start.getTime() - 1), new Date(start.getTime() + 40 * 86_400_000)];
    }),
  ),
  new Date("1990-05-01T08:00:00Z"),
].map((d) => d.toISOString());
const TERRITORIES: [string, string | null][] = [
  ["19", "1901"],
  ["19", "1902"],
  ["19", null],
  ["26", "2601"],
  ["26", null],
];
const KINDS = ["QUARTERLY_PROBLEM_CENTRED", "NGO_EXCHANGE", "COUNCIL"];
const STATUSES = ["PLANNED", "HELD", "CANCELLED"] as const;
const NGOS = [1, 2, 3, 4].map(uuid);

const meetingSpec = fc.record({
  territory: fc.nat(TERRITORIES.length - 1),
  kind: fc.nat(KINDS.length - 1),
  status: fc.constantFrom(...STATUSES),
  scheduled: fc.nat(INSTANTS.length - 1),
  held: fc.option(fc.nat(INSTANTS.length - 1), { nil: undefined }),
});
type MeetingSpec = typeof meetingSpec extends fc.Arbitrary<infer T> ? T : never;

/** Columns of a meeting that satisfy the table's checks (HELD has a held time, CANCELLED a reason). */
function columns(spec: MeetingSpec) {
  const [provinceId, countyId] = TERRITORIES[spec.territory];
  const heldAt =
    spec.status === "HELD"
      ? INSTANTS[spec.held ?? spec.scheduled]
      : spec.held === undefined
        ? null
        : INSTANTS[spec.held];
  return {
    provinceId,
    countyId,
    kind: KINDS[spec.kind],
    status: spec.status,
    scheduledAt: INSTANTS[spec.scheduled],
    heldAt,
    reason: spec.status === "CANCELLED" ? "لغو" : null,
  };
}

let merges = 0;
const pick = `(SELECT id FROM engagement.meeting ORDER BY id OFFSET $1 % greatest((SELECT count(*) FROM engagement.meeting), 1) LIMIT 1)`;

/** One write, as any of the write paths issues it (single rows, multi-row statements, cascades, merges). */
const weighted = (weight: number, arbitrary: fc.Arbitrary<() => Promise<void>>) => ({ arbitrary, weight });
const write = fc.oneof(
  weighted(
    3,
    fc.array(meetingSpec, { minLength: 1, maxLength: 4 }).map((specs) => async () => {
      const values = specs.map(columns);
      await h.rows(
        `INSERT INTO engagement.meeting (title, title_normalized, province_id, county_id, kind, status, scheduled_at, held_at, cancellation_reason)
       SELECT 'نشست', 'نشست', x."provinceId", x."countyId", x.kind, x.status, x."scheduledAt", x."heldAt", x.reason
         FROM json_to_recordset($1::json) AS x("provinceId" text, "countyId" text, kind text, status text, "scheduledAt" timestamptz, "heldAt" timestamptz, reason text)`,
        [JSON.stringify(values)],
      );
    }),
  ),
  weighted(
    2,
    fc.tuple(fc.nat(), meetingSpec).map(([n, spec]) => async () => {
      const c = columns(spec);
      await h.rows(
        `UPDATE engagement.meeting SET province_id = $2, county_id = $3, kind = $4, status = $5, scheduled_at = $6, held_at = $7, cancellation_reason = $8
        WHERE id = ${pick}`,
        [n, c.provinceId, c.countyId, c.kind, c.status, c.scheduledAt, c.heldAt, c.reason],
      );
    }),
  ),
  weighted(
    1,
    fc.nat().map((n) => async () => {
      await h.rows(`DELETE FROM engagement.meeting WHERE id = ${pick}`, [n]);
    }),
  ),
  weighted(
    1,
    fc.constantFrom("19", "26").map((province) => async () => {
      await h.rows(
        `UPDATE engagement.meeting SET status = 'CANCELLED', cancellation_reason = 'لغو' WHERE province_id = $1 AND status = 'PLANNED'`,
        [province],
      );
    }),
  ),
  weighted(
    4,
    fc.tuple(fc.nat(), fc.subarray(NGOS, { minLength: 1 })).map(([n, ngos]) => async () => {
      await h.rows(
        `INSERT INTO engagement.meeting_attendance (meeting_id, ngo_id)
       SELECT ${pick}, ngo FROM unnest($2::uuid[]) AS ngo WHERE EXISTS (SELECT 1 FROM engagement.meeting)
       ON CONFLICT DO NOTHING`,
        [n, ngos],
      );
    }),
  ),
  weighted(
    1,
    fc.tuple(fc.nat(), fc.constantFrom(...NGOS)).map(([n, ngo]) => async () => {
      await h.rows(`DELETE FROM engagement.meeting_attendance WHERE meeting_id = ${pick} AND ngo_id = $2`, [n, ngo]);
    }),
  ),
  weighted(
    1,
    fc.constantFrom(...NGOS).map((ngo) => async () => {
      await h.rows(`DELETE FROM engagement.meeting_attendance WHERE ngo_id = $1`, [ngo]);
    }),
  ),
  // An attendance row moved to another meeting that the NGO did not attend (one statement, both meetings change).
  weighted(
    3,
    fc.tuple(fc.nat(), fc.nat()).map(([from, to]) => async () => {
      await h.rows(
        `UPDATE engagement.meeting_attendance a SET meeting_id = t.id
         FROM (SELECT x.id, x.ngo_id, x.meeting_id FROM engagement.meeting_attendance x ORDER BY x.id
                OFFSET $1 % greatest((SELECT count(*) FROM engagement.meeting_attendance), 1) LIMIT 1) s
         CROSS JOIN LATERAL (SELECT m.id FROM engagement.meeting m
                              WHERE m.id <> s.meeting_id
                                AND NOT EXISTS (SELECT 1 FROM engagement.meeting_attendance o WHERE o.meeting_id = m.id AND o.ngo_id = s.ngo_id)
                              ORDER BY m.id OFFSET $2 % greatest((SELECT count(*) FROM engagement.meeting), 1) LIMIT 1) t
        WHERE a.id = s.id`,
        [from, to],
      );
    }),
  ),
  weighted(
    1,
    fc
      .tuple(fc.constantFrom(...NGOS), fc.constantFrom(...NGOS), fc.boolean())
      .map(([merged, survivor, undo]) => async () => {
        if (merged === survivor) return;
        const event = { mergeId: uuid(900 + merges++), mergedId: merged, survivorId: survivor };
        await h.db.transaction((em) => applyMerge(em, event));
        if (undo) await h.db.transaction((em) => undoMerge(em, event));
      }),
  ),
);

const CALLERS: { caller: Caller; provinces: (string | undefined)[]; counties: (string | undefined)[] }[] = [
  { caller: ANALYST, provinces: [undefined, "19", "26"], counties: [undefined, "1901", "1902", "2601"] },
  { caller: ADMIN, provinces: [undefined, "19"], counties: [undefined, "2601"] },
  { caller: ZANJAN_OFFICER, provinces: [undefined, "19"], counties: [undefined, "1901", "1902"] },
  { caller: QAZVIN_OFFICER, provinces: [undefined, "26"], counties: [undefined, "2601"] },
  { caller: ZANJAN_COUNTY, provinces: [undefined, "19"], counties: [undefined, "1901"] },
];

const question = fc
  .record({
    who: fc.nat(CALLERS.length - 1),
    fromYear: fc.integer({ min: 1400, max: 1406 }),
    span: fc.option(fc.nat(10), { nil: undefined }),
    quarter: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    groupBy: fc.constantFrom("PROVINCE" as const, "COUNTY" as const),
    place: fc.nat(),
    kind: fc.option(fc.constantFrom(...KINDS), { nil: undefined }),
  })
  .map((q) => {
    const { caller, provinces, counties } = CALLERS[q.who];
    const countyId = counties[q.place % counties.length];
    const provinceId = countyId
      ? q.place % 2
        ? countyId.slice(0, 2)
        : undefined
      : provinces[q.place % provinces.length];
    const args: Args = {
      fromYear: q.fromYear,
      toYear: q.span === undefined ? undefined : q.fromYear + q.span,
      quarter: q.quarter,
      groupBy: q.groupBy,
      provinceId,
      countyId,
      kind: q.kind,
    };
    return { caller, args };
  });

describe("meetingStatistics from maintained per-quarter counts", () => {
  beforeEach(async () => {
    await h.rows(`TRUNCATE engagement.meeting_attendance, engagement.meeting CASCADE`);
  });

  it("holds one row per Jalali quarter of the supported years, with the resolver's period bounds", async () => {
    const rows = await h.rows(
      `SELECT year, quarter, starts, ends FROM engagement.jalali_quarter ORDER BY year, quarter`,
    );
    const periods = quarterPeriods(SUPPORTED_JALALI_YEARS.first, SUPPORTED_JALALI_YEARS.last);
    expect(rows.map((r) => [r.year, r.quarter, r.starts.toISOString(), r.ends.toISOString()])).toEqual(
      periods.map((p) => [p.year, p.quarter, p.start.toISOString(), p.end.toISOString()]),
    );
  });

  it("answers as the GROUP BY over every meeting did, after any mix of writes, for any arguments", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(write, { minLength: 5, maxLength: 30, size: "max" }),
        fc.array(question, { minLength: 4, maxLength: 4 }),
        async (writes, questions) => {
          await h.rows(`DELETE FROM engagement.meeting`);
          for (const apply of writes) await apply();
          await countsMatchMeetings();
          for (const { caller, args } of questions)
            expect(await answer(caller, args)).toEqual(await oracle(caller, args));
        },
      ),
      // No shrinking (each step is a round trip to the database): a failure reports its first counterexample.
      { numRuns: 30, endOnFailure: true },
    );
  }, 240_000);

  it("stays exact under concurrent writers of one meeting's attendance and status", async () => {
    const [meeting] = await h.rows(
      `INSERT INTO engagement.meeting (title, title_normalized, province_id, county_id, kind, status, scheduled_at)
       VALUES ('نشست', 'نشست', '19', '1901', 'COUNCIL', 'PLANNED', $1) RETURNING id`,
      [INSTANTS[20]],
    );
    // The service's own role, from separate sessions (no search path: names qualified).
    const url = (h.db.options as { url: string }).url;
    const inTransaction = (sql: string, params: unknown[]) =>
      withClient(url, async (client) => {
        await client.query("BEGIN");
        await client.query(sql, params);
        await client.query("SELECT pg_sleep(0.05)");
        await client.query("COMMIT");
      });
    for (let round = 0; round < 3; round++) {
      await Promise.all([
        ...NGOS.map((ngo) =>
          inTransaction(`INSERT INTO engagement.meeting_attendance (meeting_id, ngo_id) VALUES ($1, $2)`, [
            meeting.id,
            ngo,
          ]),
        ),
        inTransaction(`UPDATE engagement.meeting SET status = 'HELD', held_at = scheduled_at WHERE id = $1`, [
          meeting.id,
        ]),
      ]);
      await countsMatchMeetings();
      await Promise.all([
        ...NGOS.map((ngo) =>
          inTransaction(`DELETE FROM engagement.meeting_attendance WHERE meeting_id = $1 AND ngo_id = $2`, [
            meeting.id,
            ngo,
          ]),
        ),
        inTransaction(`UPDATE engagement.meeting SET status = 'PLANNED', held_at = NULL WHERE id = $1`, [meeting.id]),
      ]);
      await countsMatchMeetings();
    }
    const meetings = await answer(ANALYST, { fromYear: 1403, toYear: 1405, groupBy: "COUNTY" });
    expect(meetings.map((r: { total: number; heldWithNgos: number }) => [r.total, r.heldWithNgos])).toEqual([[1, 0]]);
  });
});
