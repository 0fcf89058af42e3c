import { grantAuditAppend, jalaliQuarterOf, openAndMigrate, provisionDatabase, ProvisionedDatabase, ServiceSchema } from "@hamafza/common";
import { AdminBootstrap, createIdentityDataSource, ensureAdminAccount, loadIdentityDemoData } from "@hamafza/identity";
import { createEngagementDataSource, loadEngagementDemoData } from "@hamafza/engagement";
import { createEvaluationDataSource, loadEvaluationDemoData } from "@hamafza/evaluation";
import { createRegistryDataSource, demoManagers, demoNgos, loadReferenceData, loadRegistryDemoData } from "@hamafza/registry";
import { DataSource } from "typeorm";

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
export async function prepareDatabase(adminUrl: string, database: string, options: PrepareOptions): Promise<PreparedDatabase> {
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
    for (const [service, ran] of Object.entries(migrations)) if (ran.length) log(`${service}: applied ${ran.join(", ")}`);
    const admin = await ensureAdminAccount(identity, options.adminPassword);
    const reference = await loadReferenceData(registry);
    log(`reference data: ${reference.provinces} provinces, ${reference.counties} counties`);
    const demo = options.demo ? { ...(await loadDemoData(registry, engagement, evaluation)), ...(await loadIdentityDemoData(identity)) } : null;
    if (demo) log(`demo data added: ${JSON.stringify(demo)}`);
    return { ...provisioned, migrations, reference, demo, admin };
  } finally {
    await Promise.all([identity, registry, engagement, evaluation].map((db) => (db.isInitialized ? db.destroy() : undefined)));
  }
}

/** Demo data across the services, tied together by the registry's deterministic demo ids. */
async function loadDemoData(registry: DataSource, engagement: DataSource, evaluation: DataSource) {
  const registryDemo = await loadRegistryDemoData(registry);
  const counties = await registry.query(`SELECT id, province_id AS "provinceId", name FROM county`);
  const managers = demoManagers(counties);
  const engagementDemo = await loadEngagementDemoData(engagement, { ngos: demoNgos(), managers });
  const held: { chairId: string; heldAt: Date }[] = await engagement.query(
    `SELECT m.chair_id AS "chairId", m.held_at AS "heldAt" FROM meeting m
      WHERE m.status = 'HELD' AND m.kind = 'QUARTERLY_PROBLEM_CENTRED'
        AND EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.meeting_id = m.id)`,
  );
  const year = 1404;
  const quartersByChair = new Map<string, Set<number>>();
  for (const { chairId, heldAt } of held) {
    const period = jalaliQuarterOf(heldAt);
    if (period.year !== year) continue;
    if (!quartersByChair.has(chairId)) quartersByChair.set(chairId, new Set());
    quartersByChair.get(chairId)!.add(period.quarter);
  }
  const regularity = managers.map((manager) => ({
    managerId: manager.id,
    provinceId: manager.provinceId,
    countyId: manager.countyId,
    quartersWithMeeting: quartersByChair.get(manager.id)?.size ?? 0,
  }));
  // Zanjan has published its preliminary scores; elsewhere they are still visible to evaluators only.
  const evaluationDemo = await loadEvaluationDemoData(evaluation, { year, regularity, publishedProvinces: ["19"] });
  return { ...registryDemo, ...engagementDemo, ...evaluationDemo };
}
