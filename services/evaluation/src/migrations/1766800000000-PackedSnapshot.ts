import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Snapshot format 3: a run's facts packed into bytes (brotli of the uuid-interned JSON, `snapshotPacking.ts`) beside
 * a small JSONB header in `snapshot`. Stored as is (`EXTERNAL`: already compressed, PostgreSQL need not try again).
 * Runs stored before keep their format 1 or 2 JSONB snapshot.
 */
export class PackedSnapshot1766800000000 implements MigrationInterface {
  name = "PackedSnapshot1766800000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE evaluation_run ADD COLUMN snapshot_packed bytea`);
    await queryRunner.query(`ALTER TABLE evaluation_run ALTER COLUMN snapshot_packed SET STORAGE EXTERNAL`);
    await queryRunner.query(
      `ALTER TABLE evaluation_run ADD CONSTRAINT evaluation_run_packed_snapshot
         CHECK ((snapshot->>'formatVersion') IS DISTINCT FROM '3' OR snapshot_packed IS NOT NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE evaluation_run DROP CONSTRAINT evaluation_run_packed_snapshot`);
    await queryRunner.query(`ALTER TABLE evaluation_run DROP COLUMN snapshot_packed`);
  }
}
