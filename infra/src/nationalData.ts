import { jalaliToIsoDate, tehranToday, withClient } from "@hamafza/common";
import { PreparedDatabase } from "./prepare";
import {
  DIRECTORATE_TOPICS,
  FIRST_YEAR,
  NationalDataOptions,
  NationalDataSummary,
  NationalSeeding,
  YEAR,
} from "./nationalDataOptions";
import { seedNationalEngagementRows } from "./nationalEngagementRows";
import { seedNationalRegistryRows } from "./nationalRegistryRows";

/**
 * A whole country's year of engagement for the live evaluation bench («Scale»): set-based SQL only
 * (`INSERT … SELECT … generate_series`, a few statements per table), deterministic (every id is an md5 of its
 * key, every choice a hash of ordinals), into a prepared database without demo data.
 *
 * - counties: the reference counties, plus synthetic ones («شهرستان نمونه») in provinces the reference leaves
 *   empty, up to `counties` (450) — the reference ships only five provinces' counties;
 * - agencies: per province the governorate and `directoratesPerProvince` directorates-general, per county the
 *   county governorate and `departmentsPerCounty` county departments;
 * - managers: exactly `managers` rows; one position in eleven has two holders in the year (the predecessor's
 *   tenure ends mid-year, the successor's starts the next day), the others one open tenure started before 1404;
 * - NGOs: `ngosPerCounty` per county with a field of activity and a licence (most valid all year, some expiring
 *   or expired mid-year, some expired before the year, some renewed, some without a licence, a few inactive);
 * - meetings of 1403 and 1404: a quarterly problem-centred meeting by most managers in most quarters of their
 *   tenure and a further exchange with NGOs in about two thirds of them (a few cancelled), with NGO attendance (none for
 *   some, up to ten), agenda items (most on a social harm) and resolutions owned by the chair or the agency with
 *   deadlines (done by deadline, late, overdue, cancelled); a working group per governorate, county governorate,
 *   directorate and about half the county departments, with agency and NGO members and sessions over both years;
 *   proposals and demands routed to agencies, answered within 30 days, late or not at all.
 *
 * The rows are made in two steps, each in its own file: the registry's (nationalRegistryRows.ts), then engagement's
 * from them (nationalEngagementRows.ts).
 *
 * Runs through the database owner connection (`prepared.adminUrl`) so one statement can read the registry rows
 * it derives engagement rows from; every row still passes the tables' constraints and triggers (managers are
 * inserted in chunks so the one-holder-per-position trigger's advisory locks stay within the lock table).
 */
export async function seedNationalData(
  prepared: PreparedDatabase,
  options: NationalDataOptions,
): Promise<NationalDataSummary> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const N = options.managers;
  const targetCounties = options.counties ?? 450;
  const K = options.ngosPerCounty ?? 20;
  const D = Math.min(options.directoratesPerProvince ?? 8, DIRECTORATE_TOPICS.length);
  const C = Math.min(options.departmentsPerCounty ?? 4, DIRECTORATE_TOPICS.length);
  const R = options.requestsPerCounty ?? 20;
  const referenceDate = options.referenceDate ?? tehranToday();
  // Quarter q (1–4) of the evaluated year is [Q[q-1], Q[q]) in Tehran calendar days.
  const Q = [
    jalaliToIsoDate(YEAR, 1, 1),
    jalaliToIsoDate(YEAR, 4, 1),
    jalaliToIsoDate(YEAR, 7, 1),
    jalaliToIsoDate(YEAR, 10, 1),
    jalaliToIsoDate(YEAR + 1, 1, 1),
  ];
  // Every quarter from FIRST_YEAR to YEAR: [year, quarter, first day, first day of the next quarter].
  const quarters = [FIRST_YEAR, YEAR].flatMap((year) =>
    [1, 2, 3, 4].map((quarter) => [
      year,
      quarter,
      jalaliToIsoDate(year, 3 * quarter - 2, 1),
      quarter === 4 ? jalaliToIsoDate(year + 1, 1, 1) : jalaliToIsoDate(year, 3 * quarter + 1, 1),
    ]),
  );
  return withClient(prepared.adminUrl, async (client) => {
    const step = async (name: string, sql: string, params: unknown[] = []) => {
      const t = performance.now();
      const result = await client.query(sql, params);
      log(`  ${name}: ${result.rowCount ?? 0} rows, ${(performance.now() - t).toFixed(0)} ms`);
      return result;
    };
    await client.query(`SET search_path = registry, engagement, public`);
    // h(key): a deterministic 31-bit hash; the seed's only source of variety.
    await client.query(
      `CREATE FUNCTION pg_temp.h(k text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT ('x' || substr(md5(k), 1, 8))::bit(32)::integer & 2147483647 $$`,
    );
    await client.query(
      `CREATE TEMP TABLE q (year integer, quarter integer, q_first date NOT NULL, q_next date NOT NULL, PRIMARY KEY (year, quarter))`,
    );
    await client.query(
      `INSERT INTO q SELECT * FROM unnest($1::int[], $2::int[], $3::date[], $4::date[])`,
      [0, 1, 2, 3].map((column) => quarters.map((row) => row[column])),
    );

    const seeding: NationalSeeding = {
      client,
      step,
      log,
      targetCounties,
      N,
      K,
      D,
      C,
      R,
      Q,
      quarters,
      referenceDate,
    };
    const { referenceCounties: total } = await seedNationalRegistryRows(seeding);
    await seedNationalEngagementRows(seeding);

    const t1 = performance.now();
    await client.query(`ANALYZE`);
    log(`  analyze: ${(performance.now() - t1).toFixed(0)} ms`);
    const [counts] = (
      await client.query(`SELECT
        (SELECT count(*) FROM county)::int AS counties, (SELECT count(*) FROM agency)::int AS agencies, (SELECT count(*) FROM manager)::int AS managers,
        (SELECT count(*) FROM ngo)::int AS ngos, (SELECT count(*) FROM licence)::int AS licences,
        (SELECT count(*) FROM meeting)::int AS meetings, (SELECT count(*) FROM meeting WHERE status = 'HELD')::int AS "heldMeetings",
        (SELECT count(*) FROM meeting_attendance)::int AS attendance, (SELECT count(*) FROM agenda_item)::int AS "agendaItems",
        (SELECT count(*) FROM resolution)::int AS resolutions, (SELECT count(*) FROM working_group)::int AS "workingGroups",
        (SELECT count(*) FROM proposal)::int AS proposals, (SELECT count(*) FROM demand)::int AS demands`)
    ).rows;
    return {
      ...counts,
      syntheticCounties: counts.counties - total,
      durationMs: Math.round(performance.now() - started),
    };
  });
}
