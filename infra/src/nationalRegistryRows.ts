import { DIRECTORATE_TOPICS, NationalSeeding } from "./nationalDataOptions";

/**
 * The national data set's registry rows (`seedNationalData`, nationalData.ts): synthetic counties up to the target,
 * agencies, managers with tenures and successions, NGOs with a field each, licences and their history. Leaves the
 * temporary tables `tc` (counties), `ta` (agencies) and `tm` (managers) for the engagement rows. Answers how many
 * counties the reference data had.
 */
export async function seedNationalRegistryRows(seeding: NationalSeeding): Promise<{ referenceCounties: number }> {
  const { client, step, log, targetCounties, N, K, D, C, Q, referenceDate } = seeding;
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
  log(`  managers: ${inserted} rows in ${Math.ceil(N / CHUNK)} statements, ${(performance.now() - t0).toFixed(0)} ms`);

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

  return { referenceCounties: total };
}
