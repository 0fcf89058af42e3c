import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 13 (S1, `Ngo.meetings { id }` of a page of NGOs): the meetings NGOs attended read from indexes alone. The
 * attendance index by NGO now carries the meeting's id (it replaces `meeting_attendance_ngo_id`, whose every use it
 * serves), and a covering index on the meeting's id carries what the attended-meetings query reads and filters on
 * (its date for the order, its province and county for the territory): index-only scans instead of a heap visit per
 * attendance row and per meeting (at national scale ~800 rows for a page of 25 NGOs, ~3,700 shared blocks → ~2,400).
 */
export class AttendedMeetingIndexes1767332000001 implements MigrationInterface {
  name = "AttendedMeetingIndexes1767332000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX meeting_attendance_ngo_meeting ON meeting_attendance (ngo_id, meeting_id)`);
    await q.query(`DROP INDEX meeting_attendance_ngo_id`);
    await q.query(`CREATE INDEX meeting_id_covering ON meeting (id) INCLUDE (scheduled_at, province_id, county_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX meeting_id_covering`);
    await q.query(`CREATE INDEX meeting_attendance_ngo_id ON meeting_attendance (ngo_id)`);
    await q.query(`DROP INDEX meeting_attendance_ngo_meeting`);
  }
}
