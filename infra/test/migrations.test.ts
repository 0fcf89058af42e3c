import { openAndMigrate } from "@hamafza/common";
import { createTestDatabase } from "@hamafza/common/testing";
import { createEngagementDataSource } from "@hamafza/engagement";
import { createEvaluationDataSource } from "@hamafza/evaluation";
import { createIdentityDataSource } from "@hamafza/identity";
import { createRegistryDataSource } from "@hamafza/registry";
import { DataSource } from "typeorm";

/**
 * Migrations are the only way the schema changes (never `synchronize`): after every service's migrations have run,
 * TypeORM must find nothing to change between the entities and the database. A new column added to an entity
 * without a migration (or a migration that differs from its entity) fails here with the SQL TypeORM would run.
 */
/**
 * Indexes, foreign keys and CHECK constraints are written by hand (with stable names) in the SQL migrations and are
 * not all declared on the entities, so TypeORM would rename or drop them; tables, columns, types, nullability and
 * defaults must agree exactly.
 */
const INDEX_OR_CONSTRAINT = /^(CREATE (UNIQUE )?INDEX|DROP INDEX)\b|^ALTER TABLE \S+ (ADD|DROP) CONSTRAINT\b/;

describe("entities and migrations agree", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const opened: DataSource[] = [];

  beforeAll(async () => {
    db = await createTestDatabase("migrations");
  });

  afterAll(async () => {
    for (const source of opened) await source.destroy();
    await db.drop();
  });

  // Identity first: its migration creates the audit log the other services' migrations are granted access to.
  const services: [string, (url: string) => DataSource][] = [
    ["identity", createIdentityDataSource],
    ["registry", createRegistryDataSource],
    ["engagement", createEngagementDataSource],
    ["evaluation", createEvaluationDataSource],
  ];

  it.each(services)("%s needs no schema change after its migrations", async (name, create) => {
    const source = create(db.serviceUrls[name as keyof typeof db.serviceUrls]);
    opened.push(source);
    const ran = await openAndMigrate(source);
    expect(ran.length).toBeGreaterThan(0);
    const pending = (await source.driver.createSchemaBuilder().log()).upQueries.map((query) => query.query);
    expect(pending.filter((query) => !INDEX_OR_CONSTRAINT.test(query))).toEqual([]);
  });
});
