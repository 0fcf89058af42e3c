import { jalaliToIsoDate, tehranToday, withClient } from "@hamafza/common";
import { PreparedDatabase } from "./prepare";
import {
  DEMAND_CATEGORIES,
  DIMENSIONS,
  DIRECTORATE_TOPICS,
  FIRST_YEAR,
  NationalDataOptions,
  NationalDataSummary,
  YEAR,
} from "./nationalDataOptions";

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

    // Counties: fill the provinces without reference counties with synthetic ones, up to the target.
    const [{ total, empty }] = (
      await client.query(
        `SELECT (SELECT count(*) FROM county)::int AS total, (SELECT count(*) FROM province p WHERE NOT EXISTS (SELECT 1 FROM county c WHERE c.province_id = p.id))::int AS empty`,
      )
    ).rows;
    const extra = Math.max(0, targetCounties - total);
    if (extra > 0 && empty > 0) {
      await step(
        "synthetic counties",
        `WITH e AS (SELECT p.id, p.name, p.name_en, row_number() OVER (ORDER BY p.id) AS rn FROM province p
                     WHERE NOT EXISTS (SELECT 1 FROM county c WHERE c.province_id = p.id)),
              n AS (SELECT e.*, ($1::int / $2::int) + CASE WHEN e.rn <= $1::int % $2::int THEN 1 ELSE 0 END AS n FROM e)
         INSERT INTO county (id, province_id, name, name_en, name_normalized)
         SELECT n.id || lpad(k::text, 2, '0'), n.id, 'شهرستان نمونه ' || k || ' ' || n.name, 'Sample county ' || k || ' of ' || n.name_en,
                regexp_replace('شهرستان نمونه ' || k || ' ' || n.name, '\\s+', '', 'g')
           FROM n CROSS JOIN LATERAL generate_series(1, least(n.n, 99)) AS k`,
        [extra, empty],
      );
    }
    await client.query(`CREATE TEMP TABLE tc AS
      SELECT c.id, c.province_id, c.name, row_number() OVER (ORDER BY c.id)::int AS ord,
             (row_number() OVER (PARTITION BY c.province_id ORDER BY c.id) - 1)::int AS i, count(*) OVER (PARTITION BY c.province_id)::int AS n
        FROM county c`);
    await client.query(`CREATE INDEX ON tc (province_id, i)`);

    // Agencies.
    await step(
      "agencies",
      `INSERT INTO agency (id, name, name_normalized, kind, province_id, county_id)
       SELECT id, name, regexp_replace(name, '\\s+', '', 'g'), kind, province_id, county_id FROM (
         SELECT md5('agency:GOVERNORATE:' || p.id)::uuid AS id, 'استانداری ' || p.name AS name, 'GOVERNORATE' AS kind, p.id AS province_id, NULL::varchar AS county_id FROM province p
         UNION ALL
         SELECT md5('agency:DG:' || p.id || ':' || t.i)::uuid, 'اداره کل ' || t.topic || ' استان ' || p.name, 'DIRECTORATE_GENERAL', p.id, NULL
           FROM province p CROSS JOIN unnest($1::text[]) WITH ORDINALITY AS t(topic, i)
         UNION ALL
         SELECT md5('agency:COUNTY_GOVERNORATE:' || c.id)::uuid, 'فرمانداری ' || c.name, 'COUNTY_GOVERNORATE', c.province_id, c.id FROM county c
         UNION ALL
         SELECT md5('agency:DEPT:' || c.id || ':' || t.i)::uuid, 'اداره ' || t.topic || ' ' || c.name, 'COUNTY_DEPARTMENT', c.province_id, c.id
           FROM county c CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS t(topic, i)
       ) a`,
      [DIRECTORATE_TOPICS.slice(0, D), DIRECTORATE_TOPICS.slice(0, C)],
    );
    await client.query(`CREATE TEMP TABLE ta AS
      SELECT a.id, a.kind, a.name, a.province_id, a.county_id,
             (row_number() OVER (ORDER BY CASE a.kind WHEN 'COUNTY_GOVERNORATE' THEN 0 WHEN 'GOVERNORATE' THEN 1 WHEN 'DIRECTORATE_GENERAL' THEN 2 ELSE 3 END, a.province_id, a.county_id NULLS FIRST, a.name) - 1)::int AS ord,
             -- the county whose NGOs deal with the agency: its own, or for a provincial agency one of the province
             coalesce(a.county_id, (SELECT tc.id FROM tc WHERE tc.province_id = a.province_id AND tc.i = pg_temp.h('agency-county:' || a.id) % tc.n)) AS ngo_county
        FROM agency a`);
    await client.query(`CREATE INDEX ON ta (ord)`);
    await client.query(`CREATE INDEX ON ta (county_id)`);

    // Positions and managers: exactly N rows; positions with idx % 10 = 0 (the first N/11 of them) change holder mid-year.
    const splits = Math.floor(N / 11);
    const positions = N - splits;
    await client.query(
      `CREATE TEMP TABLE tm AS
       WITH pos AS (
         SELECT s.idx, a.id AS agency_id, a.kind AS agency_kind, a.name AS agency_name, a.province_id, a.county_id, a.ngo_county,
                s.idx / (SELECT count(*) FROM ta) AS seat,
                (s.idx % 10 = 0 AND s.idx / 10 < $2::int) AS split
           FROM generate_series(0, $1::int - 1) AS s(idx)
           JOIN ta a ON a.ord = s.idx % (SELECT count(*) FROM ta)),
       titled AS (
         SELECT pos.*,
                CASE WHEN seat = 0 THEN CASE agency_kind WHEN 'COUNTY_GOVERNORATE' THEN 'COUNTY_GOVERNOR' WHEN 'GOVERNORATE' THEN 'GOVERNOR_GENERAL' WHEN 'DIRECTORATE_GENERAL' THEN 'DIRECTOR_GENERAL' ELSE 'OTHER' END
                     ELSE CASE WHEN agency_kind IN ('COUNTY_GOVERNORATE', 'GOVERNORATE') THEN 'DEPUTY_GOVERNOR' ELSE 'OTHER' END END AS kind,
                CASE WHEN seat = 0 THEN CASE agency_kind WHEN 'COUNTY_GOVERNORATE' THEN replace(agency_name, 'فرمانداری', 'فرماندار') WHEN 'GOVERNORATE' THEN replace(agency_name, 'استانداری', 'استاندار')
                                                         WHEN 'DIRECTORATE_GENERAL' THEN 'مدیرکل ' || agency_name ELSE 'رئیس ' || agency_name END
                     ELSE 'معاون ' || seat || ' ' || agency_name END AS position
           FROM pos),
       holders AS (
         SELECT t.*, 0 AS holder,
                CASE WHEN split THEN DATE '2019-06-01' + (idx % 800) ELSE DATE '2020-01-01' + (idx % 1500) END AS tenure_start,
                CASE WHEN split THEN $3::date + 20 + (idx * 7 % 320) END AS tenure_end
           FROM titled t
         UNION ALL
         SELECT t.*, 1, $3::date + 21 + (idx * 7 % 320), NULL FROM titled t WHERE split)
       SELECT md5('manager:' || idx || ':' || holder)::uuid AS id, (row_number() OVER (ORDER BY idx, holder) - 1)::int AS ord,
              'مدیر نمونه ' || idx || CASE WHEN holder = 1 THEN ' (جانشین)' ELSE '' END AS name, position, kind,
              CASE WHEN kind IN ('COUNTY_GOVERNOR', 'GOVERNOR_GENERAL', 'DIRECTOR_GENERAL', 'MAYOR') THEN kind ELSE kind || ':' || lower(regexp_replace(position, '\\s+', '', 'g')) END AS position_key,
              agency_id, province_id, county_id, ngo_county, tenure_start, tenure_end
         FROM holders`,
      [positions, splits, Q[0]],
    );
    await client.query(`CREATE INDEX ON tm (ord)`);
    const CHUNK = 2000;
    const t0 = performance.now();
    let inserted = 0;
    for (let from = 0; from < N; from += CHUNK) {
      const r = await client.query(
        `INSERT INTO manager (id, name, name_normalized, position, position_kind, position_key, agency_id, province_id, county_id, tenure_start, tenure_end)
         SELECT id, name, regexp_replace(name, '\\s+', '', 'g'), position, kind, position_key, agency_id, province_id, county_id, tenure_start, tenure_end
           FROM tm WHERE ord >= $1 AND ord < $2 ORDER BY ord`,
        [from, from + CHUNK],
      );
      inserted += r.rowCount ?? 0;
    }
    log(
      `  managers: ${inserted} rows in ${Math.ceil(N / CHUNK)} statements, ${(performance.now() - t0).toFixed(0)} ms`,
    );

    // NGOs, a field each, licences with their history.
    await step(
      "ngos",
      `INSERT INTO ngo (id, name, name_normalized, national_id, registration_number, county_id, province_id, status, founded_on, scope)
       SELECT md5('ngo:' || c.id || ':' || k)::uuid, 'انجمن نمونه ' || (k + 1) || ' ' || c.name, regexp_replace('انجمن نمونه ' || (k + 1) || ' ' || c.name, '\\s+', '', 'g'),
              '1' || lpad(((c.ord - 1) * $1::int + k)::text, 10, '0'), 'R-' || c.id || '-' || k, c.id, c.province_id,
              CASE WHEN k % 20 = 19 THEN 'INACTIVE' ELSE 'ACTIVE' END, DATE '2005-01-01' + ((c.ord * 37 + k * 101) % 6000), 'COUNTY'
         FROM tc c CROSS JOIN generate_series(0, $1::int - 1) AS k`,
      [K],
    );
    await step(
      "ngo fields",
      `INSERT INTO ngo_field (ngo_id, field_id)
       SELECT n.id, f.id FROM ngo n
         JOIN (SELECT id, (row_number() OVER (ORDER BY sort_order, id) - 1)::int AS i, count(*) OVER ()::int AS n FROM field_of_activity) f ON f.i = pg_temp.h('field:' || n.id) % f.n`,
    );
    // Licence plan by s = h % 20: 0–13 valid all year, 14–15 expire mid-year, 16 expired before, 17 renewed mid-year, 18 none, 19 valid.
    // Those valid at the end (0–13, 19, 17 once renewed) expire 180–880 days after the reference day (or the year's
    // end, the later): as of the reference day none is expiring yet, whatever day the set is seeded.
    await client.query(
      `CREATE TEMP TABLE tl AS
      SELECT n.id AS ngo_id, md5('licence:' || n.id)::uuid AS id, 'L-' || n.county_id || '-' || right(n.registration_number, 3) AS number, s,
             DATE '2022-01-01' + (pg_temp.h('issued:' || n.id) % 900) AS issued_on,
             CASE WHEN s IN (14, 15) THEN $1::date + 40 + pg_temp.h('expiry:' || n.id) % 300
                  WHEN s = 16 THEN $1::date - 30 - pg_temp.h('expiry:' || n.id) % 200
                  WHEN s = 17 THEN $1::date + 100 + pg_temp.h('expiry:' || n.id) % 100
                  ELSE greatest($2::date, $3::date) + 180 + pg_temp.h('expiry:' || n.id) % 700 END AS first_expiry,
             greatest($2::date, $3::date) + 180 + pg_temp.h('renewed:' || n.id) % 700 AS renewed_until
        FROM (SELECT n.*, pg_temp.h('licence:' || n.id) % 20 AS s FROM ngo n) n
       WHERE s <> 18`,
      [Q[0], referenceDate, Q[4]],
    );
    await step(
      "licences",
      `INSERT INTO licence (id, ngo_id, number, authority, issued_on, expires_on, status)
       SELECT id, ngo_id, number, 'COUNTY_GOVERNORATE', issued_on, CASE WHEN s = 17 THEN renewed_until ELSE first_expiry END, 'ACTIVE' FROM tl`,
    );
    await step(
      "licence events",
      `INSERT INTO licence_event (id, licence_id, ngo_id, action, from_state, to_state, effective_on, status, expires_on, previous_expires_on, actor_username, occurred_at)
       SELECT md5('licence-event:' || id || ':' || step)::uuid, id, ngo_id, action, from_state, to_state, effective_on, 'ACTIVE', expires_on, previous_expires_on, 'seed',
              (effective_on + TIME '09:00') AT TIME ZONE 'Asia/Tehran' FROM (
         SELECT id, ngo_id, 'ISSUE' AS action, 'NONE' AS from_state, licence_state('ACTIVE', NULL, first_expiry, issued_on, 60) AS to_state,
                issued_on AS effective_on, first_expiry AS expires_on, NULL::date AS previous_expires_on, 0 AS step FROM tl
         UNION ALL
         SELECT id, ngo_id, 'RENEW', licence_state('ACTIVE', NULL, first_expiry, first_expiry - 10, 60), 'ACTIVE', first_expiry - 10, renewed_until, first_expiry, 1 FROM tl WHERE s = 17
       ) e ORDER BY step, id`,
    );

    // Meetings chaired by managers, 1403–1404: slot 0 is the quarterly meeting (in about 66 % of the quarters of
    // a tenure; 8 % of them NGO exchanges), slot 1 a further exchange with NGOs in as many; 4 % cancelled.
    await client.query(`CREATE TEMP TABLE tmeet AS
      SELECT md5('meeting:' || k.key)::uuid AS id, m.id AS chair_id, m.agency_id, m.province_id, m.county_id, m.ngo_county, q.year, q.quarter, k.slot,
             w.d0 + (pg_temp.h('day:' || k.key) % (w.d1 - w.d0 + 1)) AS day,
             pg_temp.h('meeting:' || k.key) AS hm, a.name AS agency_name
        FROM tm m JOIN ta a ON a.id = m.agency_id CROSS JOIN q CROSS JOIN generate_series(0, 1) AS slot
        CROSS JOIN LATERAL (SELECT m.id || ':' || q.year || ':' || q.quarter || ':' || slot AS key, slot) k
        CROSS JOIN LATERAL (SELECT greatest(q.q_first, m.tenure_start) AS d0, least(q.q_next - 1, coalesce(m.tenure_end, q.q_next - 1)) AS d1) w
       WHERE w.d0 <= w.d1 AND pg_temp.h('meets:' || k.key) % 100 < 66`);
    await step(
      "meetings (quarterly, exchanges)",
      `INSERT INTO meeting (id, title, title_normalized, kind, province_id, county_id, chair_id, organising_agency_id, scheduled_at, held_at, status, cancellation_reason, venue)
       SELECT id, title, regexp_replace(title, '\\s+', '', 'g'), kind, province_id, county_id, chair_id, agency_id, at, CASE WHEN cancelled THEN NULL ELSE at END,
              CASE WHEN cancelled THEN 'CANCELLED' ELSE 'HELD' END, CASE WHEN cancelled THEN 'لغو به دلیل هم‌زمانی با برنامه استان' END, 'سالن جلسات ' || agency_name
         FROM (SELECT t.*, (t.hm % 100 >= 96) AS cancelled,
                      CASE WHEN t.slot = 1 OR t.hm % 100 < 8 THEN 'NGO_EXCHANGE' ELSE 'QUARTERLY_PROBLEM_CENTRED' END AS kind,
                      CASE WHEN t.slot = 1 OR t.hm % 100 < 8 THEN 'نشست هم‌اندیشی با سمن‌ها' ELSE 'نشست فصلی مسئله‌محور' END || ' فصل ' || t.quarter || ' سال ' || t.year || ' ' || t.agency_name AS title,
                      ((t.day + TIME '09:00' + (t.hm % 8) * INTERVAL '1 hour') AT TIME ZONE 'Asia/Tehran') AS at
                 FROM tmeet t) x`,
    );

    // Working groups: one per governorate, county governorate and directorate, and one per county department in
    // about half of them, chaired by the agency.
    await client.query(`CREATE TEMP TABLE twg AS
      SELECT md5('wg:' || a.id)::uuid AS id, a.id AS agency_id, a.province_id, a.county_id, a.ngo_county, a.name AS agency_name,
             pg_temp.h('wg:' || a.id) AS hw
        FROM ta a WHERE a.kind IN ('GOVERNORATE', 'COUNTY_GOVERNORATE', 'DIRECTORATE_GENERAL') OR pg_temp.h('wg:' || a.id) % 2 = 0`);
    await step(
      "working groups",
      `INSERT INTO working_group (id, name, name_normalized, dimension, parent_body, province_id, county_id, chair_agency_id, established_on, dissolved_on)
       SELECT id, name, regexp_replace(name, '\\s+', '', 'g'), ($2::text[])[1 + hw % cardinality($2::text[])], 'شورای اجتماعی', province_id, county_id, agency_id,
              DATE '2023-01-01' + hw % 400, CASE WHEN hw % 10 = 0 THEN $1::date + 150 + hw % 100 END
         FROM (SELECT twg.*, 'کارگروه اجتماعی ' || agency_name AS name FROM twg) w`,
      [Q[0], DIMENSIONS],
    );
    await step(
      "working group members",
      `INSERT INTO working_group_member (id, working_group_id, kind, agency_id, ngo_id, role, joined_on, left_on)
       SELECT md5('wg-member:' || id || ':agency')::uuid, id, 'AGENCY', agency_id, NULL, 'دبیر', DATE '2023-06-01', NULL FROM twg
       UNION ALL
       SELECT md5('wg-member:' || w.id || ':' || j)::uuid, w.id, 'NGO', NULL, md5('ngo:' || w.ngo_county || ':' || ((w.hw / 7 + j * 3) % $2::int))::uuid, 'عضو',
              CASE WHEN j = 0 THEN $1::date + 60 ELSE DATE '2024-01-01' + j * 10 END, CASE WHEN j = 1 AND w.hw % 3 = 0 THEN $1::date + 200 END
         FROM twg w CROSS JOIN LATERAL generate_series(0, w.hw % 6 - 1) AS j`,
      [Q[0], K],
    );
    // Sessions: 0–9 over 1403–1404, about every ten weeks, none after the group was dissolved.
    await client.query(
      `CREATE TEMP TABLE tses AS
      SELECT * FROM (
        SELECT md5('session:' || w.id || ':' || s)::uuid AS id, w.id AS working_group_id, w.agency_id, w.province_id, w.county_id, w.ngo_county, w.agency_name, s,
               $1::date + 10 + s * 70 + pg_temp.h('session:' || w.id || s) % 50 AS day, pg_temp.h('session:' || w.id || s) AS hm,
               CASE WHEN w.hw % 10 = 0 THEN $2::date + 150 + w.hw % 100 END AS dissolved_on
          FROM twg w CROSS JOIN LATERAL generate_series(0, w.hw % 10 - 1) AS s) x
       WHERE dissolved_on IS NULL OR day < dissolved_on`,
      [quarters[0][2], Q[0]],
    );
    await step(
      "meetings (working group sessions)",
      `INSERT INTO meeting (id, title, title_normalized, kind, province_id, county_id, organising_agency_id, working_group_id, scheduled_at, held_at, status)
       SELECT id, title, regexp_replace(title, '\\s+', '', 'g'), 'WORKING_GROUP_SESSION', province_id, county_id, agency_id, working_group_id, at, at, 'HELD'
         FROM (SELECT t.*, 'جلسه ' || (t.s + 1) || ' کارگروه اجتماعی ' || t.agency_name AS title,
                      ((t.day + TIME '10:00') AT TIME ZONE 'Asia/Tehran') AS at FROM tses t) x`,
    );

    // Attendance: 0–10 NGOs of the meeting's county (none in about one meeting in eleven).
    await step(
      "attendance",
      `INSERT INTO meeting_attendance (id, meeting_id, ngo_id, representative_name)
       SELECT md5('attendance:' || t.id || ':' || j)::uuid, t.id, md5('ngo:' || t.ngo_county || ':' || ((t.hm / 7 + j * 3) % $1::int))::uuid, 'نماینده ' || (j + 1)
         FROM (SELECT id, ngo_county, hm FROM tmeet WHERE hm % 100 < 96 UNION ALL SELECT id, ngo_county, hm FROM tses) t
         CROSS JOIN LATERAL generate_series(0, least(t.hm % 11, $1::int) - 1) AS j`,
      [K],
    );
    // Agenda: 1–3 items on held quarterly meetings and exchanges, the first on a social harm in 70 % of them.
    await step(
      "agenda items",
      `INSERT INTO agenda_item (id, meeting_id, position, topic, topic_normalized, social_harm_id)
       SELECT md5('agenda-item:' || t.id || ':' || i)::uuid, t.id, i, topic, regexp_replace(topic, '\\s+', '', 'g'),
              CASE WHEN i = 1 AND (t.hm / 100) % 10 < 7 THEN (SELECT id FROM social_harm ORDER BY sort_order, id OFFSET (t.hm / 1000) % (SELECT count(*) FROM social_harm) LIMIT 1) END
         FROM tmeet t CROSS JOIN LATERAL generate_series(1, 1 + (t.hm / 10) % 3) AS i
         CROSS JOIN LATERAL (SELECT 'بند ' || i || ': بررسی مسائل اجتماعی شهرستان' AS topic) x
        WHERE t.hm % 100 < 96`,
    );
    // Resolutions: 0–3 per held meeting (none in a quarter), owned by the chair or (one in three) the agency;
    // deadline 20–140 days after the meeting; done by deadline, done late, in progress, open or cancelled.
    await step(
      "resolutions",
      `INSERT INTO resolution (id, meeting_id, province_id, county_id, text, text_normalized, owner_agency_id, owner_manager_id, deadline, status, completed_on, cancellation_reason)
       SELECT md5('resolution:' || meeting_id || ':' || r)::uuid, meeting_id, province_id, county_id, text, regexp_replace(text, '\\s+', '', 'g'), owner_agency_id, owner_manager_id, deadline, status,
              CASE WHEN status = 'DONE' THEN CASE WHEN hs < 50 THEN day + ((deadline - day) * hs / 50) ELSE deadline + 5 + hs END END,
              CASE WHEN status = 'CANCELLED' THEN 'منتفی شد' END
         FROM (SELECT t.id AS meeting_id, r, t.province_id, t.county_id, t.day,
                      'مصوبه ' || r || ' ' || t.agency_name AS text,
                      CASE WHEN pg_temp.h('owner:' || t.id || r) % 3 = 0 THEN t.agency_id END AS owner_agency_id,
                      CASE WHEN pg_temp.h('owner:' || t.id || r) % 3 <> 0 THEN t.chair_id END AS owner_manager_id,
                      t.day + 20 + pg_temp.h('deadline:' || t.id || r) % 120 AS deadline,
                      pg_temp.h('status:' || t.id || r) % 100 AS hs,
                      CASE WHEN pg_temp.h('status:' || t.id || r) % 100 < 60 THEN 'DONE' WHEN pg_temp.h('status:' || t.id || r) % 100 < 78 THEN 'IN_PROGRESS'
                           WHEN pg_temp.h('status:' || t.id || r) % 100 < 95 THEN 'OPEN' ELSE 'CANCELLED' END AS status
                 FROM tmeet t CROSS JOIN LATERAL generate_series(1, (t.hm / 100000) % 4) AS r
                WHERE t.hm % 100 < 96) x`,
    );

    // Proposals and demands: per county R/2 of each to its agencies, per province 20 of each to its directorates.
    await client.query(
      `CREATE TEMP TABLE treq AS
      SELECT x.*, pg_temp.h('req:' || x.key) AS hr FROM (
        SELECT c.id || ':' || r.k AS key, c.province_id, c.id AS county_id, c.id AS ngo_county,
               (SELECT a.id FROM ta a WHERE a.county_id = c.id ORDER BY a.ord OFFSET pg_temp.h('agency:' || c.id || r.k) % (1 + $1::int) LIMIT 1) AS agency_id, r.k AS i
          FROM tc c CROSS JOIN generate_series(0, $3::int - 1) AS r(k)
        UNION ALL
        SELECT p.id || ':' || r.k, p.id, NULL, (SELECT tc.id FROM tc WHERE tc.province_id = p.id AND tc.i = pg_temp.h('pc:' || p.id || r.k) % tc.n),
               md5('agency:DG:' || p.id || ':' || (1 + pg_temp.h('dg:' || p.id || r.k) % $2::int))::uuid, r.k
          FROM province p CROSS JOIN generate_series(0, 39) AS r(k)
      ) x`,
      [C, D, R],
    );
    const requestSql = (table: "proposal" | "demand") =>
      `SELECT md5('${table}:' || t.key)::uuid AS id, md5('ngo:' || t.ngo_county || ':' || (t.hr / 20 % $2::int))::uuid AS ngo_id, t.province_id, t.county_id, t.agency_id,
              $1::date + (t.hr / 1000) % 360 AS sent, t.hr % 100 AS hs, t.i
         FROM treq t WHERE t.i % 2 = ${table === "proposal" ? 0 : 1}`;
    await step(
      "proposals",
      `INSERT INTO proposal (id, ngo_id, province_id, county_id, agency_id, topic, topic_normalized, submitted_on, status, review_started_on, response, responded_on, implemented_on)
       SELECT id, ngo_id, province_id, county_id, agency_id, 'پیشنهاد ' || i, 'پیشنهاد' || i, sent,
              CASE WHEN hs < 75 THEN CASE WHEN hs % 4 = 0 THEN 'REJECTED' WHEN hs % 4 = 1 THEN 'IMPLEMENTED' ELSE 'ACCEPTED' END WHEN hs < 88 THEN 'UNDER_REVIEW' ELSE 'SUBMITTED' END,
              CASE WHEN hs < 88 THEN sent + 2 END,
              CASE WHEN hs < 75 THEN 'پاسخ دستگاه' END,
              CASE WHEN hs < 55 THEN sent + hs % 31 WHEN hs < 75 THEN sent + 31 + hs END,
              CASE WHEN hs < 75 AND hs % 4 = 1 THEN sent + 120 END
         FROM (${requestSql("proposal")}) r`,
      [Q[0], K],
    );
    await step(
      "demands",
      `INSERT INTO demand (id, ngo_id, province_id, county_id, agency_id, category, title, title_normalized, raised_on, status, response, responded_on)
       SELECT id, ngo_id, province_id, county_id, agency_id, ($3::text[])[1 + i % cardinality($3::text[])], 'مطالبه ' || i, 'مطالبه' || i, sent,
              CASE WHEN hs < 75 THEN CASE WHEN hs % 3 = 0 THEN 'REJECTED' ELSE 'RESOLVED' END WHEN hs < 88 THEN 'UNDER_REVIEW' ELSE 'RAISED' END,
              CASE WHEN hs < 75 THEN 'پاسخ دستگاه' END,
              CASE WHEN hs < 55 THEN sent + hs % 31 WHEN hs < 75 THEN sent + 31 + hs END
         FROM (${requestSql("demand")}) r`,
      [Q[0], K, DEMAND_CATEGORIES],
    );

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
