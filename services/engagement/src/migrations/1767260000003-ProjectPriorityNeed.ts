import { MigrationInterface, QueryRunner } from "typeorm";

/** The priority need of a needs assessment (registry) a project was made from (docs/coverage.md). */
export class ProjectPriorityNeed1767260000003 implements MigrationInterface {
  name = "ProjectPriorityNeed1767260000003";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project ADD COLUMN priority_need_id uuid`);
    await q.query(`CREATE INDEX project_priority_need_id ON project (priority_need_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project DROP COLUMN priority_need_id`);
  }
}
