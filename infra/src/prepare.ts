import {
  grantAuditAppend,
  openAndMigrate,
  provisionDatabase,
  ProvisionedDatabase,
  ServiceSchema,
} from "@hamafza/common";
import {
  AdminBootstrap,
  createIdentityDataSource,
  DemoBoundRecord,
  ensureAdminAccount,
  loadIdentityDemoData,
} from "@hamafza/identity";
import { createEngagementDataSource, loadEngagementDemoData } from "@hamafza/engagement";
import { createEvaluationDataSource, openDemoCycle } from "@hamafza/evaluation";
import {
  createRegistryDataSource,
  demoManagers,
  demoNgos,
  loadReferenceData,
  loadRegistryDemoData,
} from "@hamafza/registry";
import { DataSource } from "typeorm";
import { Role } from "@hamafza/common";
import { computeDemoEvaluationRun } from "./demoEvaluation";

export interface PreparedDatabase extends ProvisionedDatabase {
  migrations: Record<ServiceSchema, string[]>;
  reference: { provinces: number; counties: number };
  demo: { ngos: number; managers: number; meetings: number; scores: number; users: number } | null;
  /** Whether the `admin` account was created now, and its generated password (to print once). */
  admin: AdminBootstrap;
}

export interface PrepareOptions {
  demo: boolean;
  /** Password of the `admin` account if it must be created (ADMIN_PASSWORD); random when omitted. */
  adminPassword?: string;
  log?: Log;
}

type Log = (line: string) => void;

/**
 * Everything `npm start` does to the database before the services start: a database with one schema and role
 * per service, each service's migrations, reference data, and (in demo mode, on an empty database) demo data.
 * Idempotent: running it again changes nothing but role passwords.
 */
export async function prepareDatabase(
  adminUrl: string,
  database: string,
  options: PrepareOptions,
): Promise<PreparedDatabase> {
  const log = options.log ?? (() => undefined);
  const provisioned = await provisionDatabase(adminUrl, database);
  const identity = createIdentityDataSource(provisioned.serviceUrls.identity);
  const registry = createRegistryDataSource(provisioned.serviceUrls.registry);
  const engagement = createEngagementDataSource(provisioned.serviceUrls.engagement);
  const evaluation = createEvaluationDataSource(provisioned.serviceUrls.evaluation);
  try {
    // Identity first: it owns the audit log every other service appends to.
    const migrations = {
      identity: await openAndMigrate(identity),
      registry: await openAndMigrate(registry),
      engagement: await openAndMigrate(engagement),
      evaluation: await openAndMigrate(evaluation),
    };
    await grantAuditAppend(provisioned);
    for (const [service, ran] of Object.entries(migrations))
      if (ran.length) log(`${service}: applied ${ran.join(", ")}`);
    const admin = await ensureAdminAccount(identity, options.adminPassword);
    const reference = await loadReferenceData(registry);
    log(`reference data: ${reference.provinces} provinces, ${reference.counties} counties`);
    const demo = options.demo
      ? {
          ...(await loadDemoData(registry, engagement, evaluation)),
          ...(await loadIdentityDemoData(identity, await demoBoundRecords(registry))),
        }
      : null;
    await Promise.all([identity, registry, engagement, evaluation].map((db) => db.destroy()));
    if (demo) {
      const run = await computeDemoEvaluationRun(provisioned, DEMO_EVALUATION_YEAR);
      demo.scores = run?.managersScored ?? 0;
      log(`demo data added: ${JSON.stringify(demo)}`);
    }
    return { ...provisioned, migrations, reference, demo, admin };
  } finally {
    await Promise.all(
      [identity, registry, engagement, evaluation].map((db) => (db.isInitialized ? db.destroy() : undefined)),
    );
  }
}

const DEMO_EVALUATION_YEAR = 1404;

/** Demo data across the services, tied together by the registry's deterministic demo ids. */
async function loadDemoData(registry: DataSource, engagement: DataSource, evaluation: DataSource) {
  const registryDemo = await loadRegistryDemoData(registry);
  const counties = await registry.query(`SELECT id, province_id AS "provinceId", name FROM county`);
  const managers = demoManagers(counties);
  const engagementDemo = await loadEngagementDemoData(engagement, { ngos: demoNgos(), managers });
  // The 1404 cycle is open; its first run is computed once the data is in (computeDemoEvaluationRun).
  await openDemoCycle(evaluation);
  return { ...registryDemo, ...engagementDemo, scores: 0 };
}

/**
 * The records the invited demo accounts speak for: the first (by name) NGO, agency and manager of Zanjan county
 * (1901), where the demo data is richest (README, demo accounts).
 */
async function demoBoundRecords(registry: DataSource): Promise<Partial<Record<Role, DemoBoundRecord>>> {
  const first = async (table: string): Promise<DemoBoundRecord | undefined> =>
    (
      await registry.query(
        `SELECT id, province_id AS "provinceId", county_id AS "countyId" FROM registry.${table} WHERE county_id = '1901' ORDER BY name, id LIMIT 1`,
      )
    )[0];
  return {
    [Role.NGO_REPRESENTATIVE]: await first("ngo"),
    [Role.AGENCY_RESPONDENT]: await first("agency"),
    [Role.MANAGER]: await first("manager"),
  };
}
