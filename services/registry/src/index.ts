import {
  createServiceDataSource,
  JobQueue,
  RunningServer,
  ServiceSecurity,
  startSubgraphServer,
  referenceOwnersOf,
  registerUserJobs,
} from "@hamafza/common";
import { DataSource } from "typeorm";
import { InitRegistry1763800000000 } from "./migrations/1763800000000-InitRegistry";
import { NgoProfile1764000000000 } from "./migrations/1764000000000-NgoProfile";
import { RegistryOrganisations1764100000000 } from "./migrations/1764100000000-RegistryOrganisations";
import { RegistryVersions1765200000000 } from "./migrations/1765200000000-RegistryVersions";
import { RegistryReminderOccasions1766100000003 } from "./migrations/1766100000003-ReminderOccasions";
import { LicenceAttachments1766600000002 } from "./migrations/1766600000002-LicenceAttachments";
import { PublicRegister1767100000000 } from "./migrations/1767100000000-PublicRegister";
import { ActivityReports1767100000001 } from "./migrations/1767100000001-ActivityReports";
import { ActivityReportAttachments1767100000002 } from "./migrations/1767100000002-ActivityReportAttachments";
import { FieldOfActivityChangeNotices1767220000000 } from "./migrations/1767220000000-FieldOfActivityChangeNotices";
import { TrainingLoop1767250000000 } from "./migrations/1767250000000-TrainingLoop";
import { NgoMergeRegistryRewrites1767290000000 } from "./migrations/1767290000000-NgoMergeRegistryRewrites";
import { NgoCurrentLicence1767332000000 } from "./migrations/1767332000000-NgoCurrentLicence";
import { NationalListOrder1767340000081 } from "./migrations/1767340000081-NationalListOrder";
import { ProvinceNgoListOrder1767340000090 } from "./migrations/1767340000090-ProvinceNgoListOrder";
import { publicRegisterRoutes } from "./publicRegister/publicRegisterRoute";
import { NgoSearchWords1766950000000 } from "./migrations/1766950000000-NgoSearchWords";
import { NgoChangeRequests1767230000000 } from "./migrations/1767230000000-NgoChangeRequests";
import { NeedsAssessments1767260000000 } from "./migrations/1767260000000-NeedsAssessments";
import { SupervisionRecords1767280000000 } from "./migrations/1767280000000-SupervisionRecords";
import { licenceReminderQueue } from "./reminders/licenceReminders";
import { NgoMerges1766700000000 } from "./migrations/1766700000000-NgoMerges";
import { buildRegistrySchema, registryEntities } from "./schema";
import { mergedInto, survivorOf } from "./merging/ngoAlias";
import { ngoMergeSyncQueue } from "./merging/ngoMergeSyncJob";

export { buildRegistrySchema, registryEntities } from "./schema";
export { loadReferenceData } from "./seed/reference";
export { loadRegistryDemoData, demoNgos, demoManagers, demoManagerId } from "./seed/demo";
export type { DemoNgo, DemoManager } from "./seed/demo";
export { syntheticNgoRows, toNgoCsv, legalNationalId } from "./seed/syntheticNgos";
export { MAX_IMPORT_ROWS } from "./resolvers/ngoImportRules";
export {
  countyGovernorateAgencyId,
  demoAgencyId,
  demoAreaId,
  demoDirectorateId,
  demoFacilitationOfficeId,
  demoMunicipalityId,
  demoNgoHouseId,
  demoNgoId,
  demoNgoNetworkId,
  demoOtherManagerId,
  governorateAgencyId,
} from "./seed/demoOrganisationIds";

export const SERVICE_NAME = "registry";
export const registryMigrations = [
  InitRegistry1763800000000,
  NgoProfile1764000000000,
  RegistryOrganisations1764100000000,
  RegistryVersions1765200000000,
  RegistryReminderOccasions1766100000003,
  LicenceAttachments1766600000002,
  NgoMerges1766700000000,
  NgoSearchWords1766950000000,
  PublicRegister1767100000000,
  ActivityReports1767100000001,
  ActivityReportAttachments1767100000002,
  FieldOfActivityChangeNotices1767220000000,
  NgoChangeRequests1767230000000,
  TrainingLoop1767250000000,
  NeedsAssessments1767260000000,
  SupervisionRecords1767280000000,
  NgoMergeRegistryRewrites1767290000000,
  NgoCurrentLicence1767332000000,
  NationalListOrder1767340000081,
  ProvinceNgoListOrder1767340000090,
];
export { sendLicenceReminders } from "./reminders/licenceReminders";
export { sendActivityReportReminders } from "./activityReport/activityReportReminders";

export function createRegistryDataSource(url: string): DataSource {
  return createServiceDataSource({
    url,
    schema: SERVICE_NAME,
    entities: registryEntities,
    migrations: registryMigrations,
  });
}

/**
 * Starts the registry subgraph. `engagementUrl`: the engagement subgraph, asked before a deletion whether its
 * records still name the NGO, manager, agency, NGO House or area (docs/references.md); a holder object may be
 * filled in after start (the in-process stack starts engagement later); "unchecked" only in registry's own tests.
 */
export async function startRegistry(options: {
  db: DataSource;
  port: number;
  security: ServiceSecurity;
  engagementUrl?: string | "unchecked" | { engagement?: string };
  /** The daily licence reminder job (docs/notifications.md); false in tests that call `sendLicenceReminders` themselves. */
  reminders?: boolean;
}): Promise<RunningServer> {
  const owners = options.engagementUrl;
  const ownerUrls = owners === "unchecked" ? "unchecked" : typeof owners === "object" ? owners : { engagement: owners };
  const gatewaySecret = options.security.gatewaySecret;
  const jobs = await JobQueue.start({
    service: SERVICE_NAME,
    db: options.db,
    queues: [
      ...(options.reminders === false ? [] : [licenceReminderQueue(options.db)]),
      ngoMergeSyncQueue(options.db, referenceOwnersOf(ownerUrls, gatewaySecret), gatewaySecret),
    ],
  });
  registerUserJobs(options.db, jobs, gatewaySecret);
  const server = await startSubgraphServer({
    name: SERVICE_NAME,
    schema: await buildRegistrySchema(),
    db: options.db,
    port: options.port,
    security: options.security,
    routes: (app) => app.use("/public", publicRegisterRoutes(options.db)),
    ngoMerges: { survivorOf: (ctx, ngoId) => survivorOf(ctx).load(ngoId), mergedInto },
    referenceOwners: ownerUrls,
  }).catch(async (error) => {
    await jobs.stop();
    throw error;
  });
  return {
    ...server,
    stop: async () => {
      await jobs.stop();
      await server.stop();
    },
  };
}
