import { jalaliQuarterRange } from "@hamafza/common";
import { MigrationInterface, QueryRunner } from "typeorm";

/** The meeting columns one meeting's contribution to `meeting_quarter_count` is a function of. */
const CONTRIBUTION_COLUMNS = "province_id, county_id, kind, status, held_at, scheduled_at, attendance_count";

/**
 * Adds the contribution of `rows` (a set of meeting rows with CONTRIBUTION_COLUMNS and a `sign`, +1 or −1) to the
 * counts, bucketed by the Jalali quarter of `coalesce(held_at, scheduled_at)` (meetings outside the quarter table's
 * years count nowhere). Buckets upserted in key order, so concurrent writers lock them in the same order.
 */
const applyDelta = (rows: string) => `
  INSERT INTO meeting_quarter_count AS c (year, quarter, province_id, county_id, kind, total, planned, held, cancelled, held_with_ngos)
  SELECT q.year, q.quarter, r.province_id, r.county_id, r.kind, sum(r.sign),
         sum(CASE WHEN r.status = 'PLANNED' THEN r.sign ELSE 0 END),
         sum(CASE WHEN r.status = 'HELD' THEN r.sign ELSE 0 END),
         sum(CASE WHEN r.status = 'CANCELLED' THEN r.sign ELSE 0 END),
         sum(CASE WHEN r.status = 'HELD' AND r.attendance_count > 0 THEN r.sign ELSE 0 END)
    FROM (${rows}) r
    JOIN LATERAL (SELECT j.year, j.quarter, j.ends FROM jalali_quarter j
                   WHERE j.starts <= coalesce(r.held_at, r.scheduled_at) ORDER BY j.starts DESC LIMIT 1) q
      ON coalesce(r.held_at, r.scheduled_at) < q.ends
   GROUP BY q.year, q.quarter, r.province_id, r.county_id, r.kind
  HAVING (sum(r.sign), sum(CASE WHEN r.status = 'PLANNED' THEN r.sign ELSE 0 END),
          sum(CASE WHEN r.status = 'HELD' THEN r.sign ELSE 0 END),
          sum(CASE WHEN r.status = 'CANCELLED' THEN r.sign ELSE 0 END),
          sum(CASE WHEN r.status = 'HELD' AND r.attendance_count > 0 THEN r.sign ELSE 0 END)) <> (0, 0, 0, 0, 0)
   ORDER BY q.year, q.quarter, r.province_id, r.county_id, r.kind
  ON CONFLICT (year, quarter, province_id, county_id, kind) DO UPDATE
     SET total = c.total + excluded.total, planned = c.planned + excluded.planned, held = c.held + excluded.held,
         cancelled = c.cancelled + excluded.cancelled, held_with_ngos = c.held_with_ngos + excluded.held_with_ngos`;

/**
 * The Jalali years whose quarters this migration writes: SUPPORTED_JALALI_YEARS as it was when the migration was
 * written, frozen here so a fresh database and an upgraded one hold the same rows once the supported years are
 * widened (that widening adds its years in a migration of its own; `meetingStatistics.test.ts` fails until it does).
 */
const YEARS = { first: 1380, last: 1450 } as const;

const fromRows = (table: string, sign: number) => `SELECT ${CONTRIBUTION_COLUMNS}, ${sign} AS sign FROM ${table}`;

/**
 * Issue 13 (S5, `meetingStatistics` nationwide): the analysts' meeting counts per Jalali quarter, county (NULL: a
 * provincial meeting) and kind kept in `meeting_quarter_count`, so the query sums a few thousand maintained rows
 * instead of grouping every meeting of the years asked with a range join on quarters and an attendance probe per
 * held meeting.
 *
 * - `jalali_quarter`: the [start, end) instants of every Jalali quarter of YEARS (1380–1450), from the same
 *   `jalaliQuarterRange` as the resolver's period table (a later widening of the supported years needs a migration
 *   that adds rows and back-fills their meetings).
 * - `meeting.attendance_count`: how many NGOs attended, kept by statement-level triggers on `meeting_attendance` as
 *   increments (`attendance_count + n` on the meeting's row, rows locked in id order): concurrent writers of one
 *   meeting's attendance serialize on the meeting's row and each adds to what the other committed.
 * - `meeting_quarter_count`: Σ over meetings of each one's contribution, a function of its own row alone
 *   (CONTRIBUTION_COLUMNS, "held with NGOs" = HELD and `attendance_count > 0`); statement-level triggers on
 *   `meeting` subtract the old rows' contributions and add the new ones' as increments, so every writer (mutations,
 *   cascaded deletes, merges, imports, seeds' bulk `INSERT … SELECT` and `COPY`, an operator's psql) keeps it exact
 *   and concurrent writers never lose an update. Buckets whose counts fall to zero stay (total 0; the query skips
 *   them). TRUNCATE of either table is followed too. Restores (triggers off) load the table as it was backed up.
 *
 * The functions keep the engagement schema as their search path, so writes from any session keep the counts.
 */
export class MeetingQuarterCounts1767340000010 implements MigrationInterface {
  name = "MeetingQuarterCounts1767340000010";

  async up(q: QueryRunner): Promise<void> {
    // No writer may slip between the back-fill below and the triggers' creation.
    await q.query(`LOCK TABLE meeting, meeting_attendance IN SHARE ROW EXCLUSIVE MODE`);
    await q.query(`
      CREATE TABLE jalali_quarter (
        year smallint NOT NULL,
        quarter smallint NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        starts timestamptz NOT NULL UNIQUE,
        ends timestamptz NOT NULL,
        PRIMARY KEY (year, quarter),
        CHECK (starts < ends)
      )`);
    const quarters: unknown[] = [];
    for (let year = YEARS.first; year <= YEARS.last; year++)
      for (let quarter = 1; quarter <= 4; quarter++) {
        const { start, end } = jalaliQuarterRange(year, quarter);
        quarters.push({ year, quarter, starts: start.toISOString(), ends: end.toISOString() });
      }
    await q.query(
      `INSERT INTO jalali_quarter (year, quarter, starts, ends)
       SELECT year, quarter, starts, ends FROM json_to_recordset($1::json) AS x(year smallint, quarter smallint, starts timestamptz, ends timestamptz)`,
      [JSON.stringify(quarters)],
    );
    await q.query(`
      CREATE TABLE meeting_quarter_count (
        year smallint NOT NULL,
        quarter smallint NOT NULL,
        province_id varchar(2) NOT NULL,
        county_id varchar(4),
        kind varchar(32) NOT NULL,
        total integer NOT NULL DEFAULT 0,
        planned integer NOT NULL DEFAULT 0,
        held integer NOT NULL DEFAULT 0,
        cancelled integer NOT NULL DEFAULT 0,
        held_with_ngos integer NOT NULL DEFAULT 0,
        CONSTRAINT meeting_quarter_count_key UNIQUE NULLS NOT DISTINCT (year, quarter, province_id, county_id, kind)
      )`);
    await q.query(
      `ALTER TABLE meeting ADD COLUMN attendance_count integer NOT NULL DEFAULT 0 CHECK (attendance_count >= 0)`,
    );
    await q.query(`
      UPDATE meeting m SET attendance_count = a.n
        FROM (SELECT meeting_id, count(*)::int AS n FROM meeting_attendance GROUP BY meeting_id) a
       WHERE m.id = a.meeting_id`);
    await q.query(applyDelta(fromRows("meeting", 1)));

    await q.query(`
      CREATE FUNCTION meeting_quarter_count_on_meeting() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${applyDelta(fromRows("new_rows", 1))};
        ELSIF TG_OP = 'DELETE' THEN
          ${applyDelta(fromRows("old_rows", -1))};
        ELSE
          ${applyDelta(`${fromRows("old_rows", -1)} UNION ALL ${fromRows("new_rows", 1)}`)};
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION meeting_quarter_count_on_meeting_truncate() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        DELETE FROM meeting_quarter_count;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION meeting_attendance_count_on_attendance() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      DECLARE ids uuid[]; deltas integer[];
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          UPDATE meeting SET attendance_count = 0 WHERE attendance_count <> 0;
          RETURN NULL;
        END IF;
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(meeting_id ORDER BY meeting_id), array_agg(n ORDER BY meeting_id) INTO ids, deltas
            FROM (SELECT meeting_id, count(*)::int AS n FROM new_rows GROUP BY meeting_id) d;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(meeting_id ORDER BY meeting_id), array_agg(n ORDER BY meeting_id) INTO ids, deltas
            FROM (SELECT meeting_id, -count(*)::int AS n FROM old_rows GROUP BY meeting_id) d;
        ELSE
          SELECT array_agg(meeting_id ORDER BY meeting_id), array_agg(n ORDER BY meeting_id) INTO ids, deltas
            FROM (SELECT meeting_id, sum(sign)::int AS n
                    FROM (SELECT meeting_id, -1 AS sign FROM old_rows UNION ALL SELECT meeting_id, 1 FROM new_rows) t
                   GROUP BY meeting_id HAVING sum(sign) <> 0) d;
        END IF;
        IF ids IS NULL THEN RETURN NULL; END IF;
        -- In id order, so that concurrent writers of several meetings' attendance do not deadlock.
        PERFORM 1 FROM meeting WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
        UPDATE meeting m SET attendance_count = m.attendance_count + d.n
          FROM unnest(ids, deltas) AS d(id, n) WHERE m.id = d.id;
        RETURN NULL;
      END $$`);
    for (const [event, referencing] of [
      ["INSERT", "NEW TABLE AS new_rows"],
      ["UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"],
      ["DELETE", "OLD TABLE AS old_rows"],
    ]) {
      const name = event.toLowerCase();
      await q.query(`
        CREATE TRIGGER meeting_quarter_count_${name} AFTER ${event} ON meeting
        REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION meeting_quarter_count_on_meeting()`);
      await q.query(`
        CREATE TRIGGER meeting_attendance_count_${name} AFTER ${event} ON meeting_attendance
        REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION meeting_attendance_count_on_attendance()`);
    }
    await q.query(`
      CREATE TRIGGER meeting_quarter_count_truncate AFTER TRUNCATE ON meeting
      FOR EACH STATEMENT EXECUTE FUNCTION meeting_quarter_count_on_meeting_truncate()`);
    await q.query(`
      CREATE TRIGGER meeting_attendance_count_truncate AFTER TRUNCATE ON meeting_attendance
      FOR EACH STATEMENT EXECUTE FUNCTION meeting_attendance_count_on_attendance()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ["insert", "update", "delete", "truncate"]) {
      await q.query(`DROP TRIGGER meeting_quarter_count_${name} ON meeting`);
      await q.query(`DROP TRIGGER meeting_attendance_count_${name} ON meeting_attendance`);
    }
    await q.query(`DROP FUNCTION meeting_attendance_count_on_attendance()`);
    await q.query(`DROP FUNCTION meeting_quarter_count_on_meeting_truncate()`);
    await q.query(`DROP FUNCTION meeting_quarter_count_on_meeting()`);
    await q.query(`ALTER TABLE meeting DROP COLUMN attendance_count`);
    await q.query(`DROP TABLE meeting_quarter_count`);
    await q.query(`DROP TABLE jalali_quarter`);
  }
}
