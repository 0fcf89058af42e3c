import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * How an invited user was shown to speak for their record (docs/self-service.md, "Decisions"): the reference of the
 * letter of introduction (or other document) the inviting official checked, e.g. its number and date.
 */
export class InvitationAuthorisation1767230000001 implements MigrationInterface {
  name = "InvitationAuthorisation1767230000001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_account ADD COLUMN authorisation_reference text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_account DROP COLUMN authorisation_reference`);
  }
}
