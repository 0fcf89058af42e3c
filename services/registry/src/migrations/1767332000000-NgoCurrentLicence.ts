import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 13 (S1, the province's NGO page filtered by licence state): the date-independent part of each NGO's current
 * licence (the latest issued: status, suspension end, expiry) kept on the NGO's row, so that the state today is
 * `licence_state(ngo.current_licence_status, …, today, window)` — an expression on the row — instead of a subquery
 * on `licence` per NGO of the province, twice (page and count). The state itself depends on today's date and is
 * never stored. The columns are kept by statement-level triggers on `licence` (every writer: the mutations, the
 * seeds, bulk `INSERT … SELECT`), which lock the NGOs' rows first so that concurrent writers of one NGO's licences
 * each recompute from what the other committed. NULL status: no licence (state NONE). The functions keep the
 * registry schema as their search path, so a licence written from any session (another schema's, an operator's
 * psql) keeps the columns right.
 */
export class NgoCurrentLicence1767332000000 implements MigrationInterface {
  name = "NgoCurrentLicence1767332000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ngo
        ADD COLUMN current_licence_status varchar(16),
        ADD COLUMN current_licence_suspended_until date,
        ADD COLUMN current_licence_expires_on date`);
    await q.query(`
      CREATE FUNCTION ngo_current_licence_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
        -- Lock first (in id order): the UPDATE below then takes a snapshot that sees every committed licence.
        PERFORM 1 FROM ngo WHERE id = ANY(ids) ORDER BY id FOR UPDATE;
        UPDATE ngo n
           SET current_licence_status = c.status,
               current_licence_suspended_until = c.suspended_until,
               current_licence_expires_on = c.expires_on
          FROM (SELECT i.id, cur.status, cur.suspended_until, cur.expires_on
                  FROM unnest(ids) AS i(id)
                  LEFT JOIN LATERAL (
                    SELECT l.status, l.suspended_until, l.expires_on FROM licence l
                     WHERE l.ngo_id = i.id ORDER BY l.issued_on DESC, l.created_at DESC LIMIT 1) cur ON true) c
         WHERE n.id = c.id
           AND (n.current_licence_status, n.current_licence_suspended_until, n.current_licence_expires_on)
               IS DISTINCT FROM (c.status, c.suspended_until, c.expires_on);
      END $$`);
    await q.query(`
      CREATE FUNCTION ngo_current_licence_on_licence() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      DECLARE ids uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(DISTINCT ngo_id ORDER BY ngo_id) INTO ids FROM new_rows;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(DISTINCT ngo_id ORDER BY ngo_id) INTO ids FROM old_rows;
        ELSE
          SELECT array_agg(DISTINCT ngo_id ORDER BY ngo_id) INTO ids
            FROM (SELECT ngo_id FROM old_rows UNION SELECT ngo_id FROM new_rows) t;
        END IF;
        PERFORM ngo_current_licence_refresh(ids);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER ngo_current_licence_insert AFTER INSERT ON licence
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ngo_current_licence_on_licence()`);
    await q.query(`
      CREATE TRIGGER ngo_current_licence_update AFTER UPDATE ON licence
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ngo_current_licence_on_licence()`);
    await q.query(`
      CREATE TRIGGER ngo_current_licence_delete AFTER DELETE ON licence
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ngo_current_licence_on_licence()`);
    await q.query(`
      UPDATE ngo n
         SET current_licence_status = c.status,
             current_licence_suspended_until = c.suspended_until,
             current_licence_expires_on = c.expires_on
        FROM (SELECT DISTINCT ON (ngo_id) ngo_id, status, suspended_until, expires_on FROM licence
               ORDER BY ngo_id, issued_on DESC, created_at DESC) c
       WHERE n.id = c.ngo_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER ngo_current_licence_delete ON licence`);
    await q.query(`DROP TRIGGER ngo_current_licence_update ON licence`);
    await q.query(`DROP TRIGGER ngo_current_licence_insert ON licence`);
    await q.query(`DROP FUNCTION ngo_current_licence_on_licence()`);
    await q.query(`DROP FUNCTION ngo_current_licence_refresh(uuid[])`);
    await q.query(`
      ALTER TABLE ngo
        DROP COLUMN current_licence_status,
        DROP COLUMN current_licence_suspended_until,
        DROP COLUMN current_licence_expires_on`);
  }
}
