import { DEMAND_CATEGORIES, DIMENSIONS, NationalSeeding } from "./nationalDataOptions";

/**
 * The national data set's engagement rows (`seedNationalData`, nationalData.ts), from the registry rows and the
 * temporary tables `seedNationalRegistryRows` left: meetings of 1403–1404 chaired by managers, working groups with
 * members and sessions, attendance, agenda items, resolutions, proposals and demands.
 */
export async function seedNationalEngagementRows(seeding: NationalSeeding): Promise<void> {
  const { client, step, K, D, C, R, Q, quarters } = seeding;
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
}
