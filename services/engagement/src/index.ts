import {
  createServiceDataSource,
  JobQueue,
  RunningServer,
  ServiceSecurity,
  startSubgraphServer,
} from "@hamafza/common";
import { DataSource } from "typeorm";
import { InitEngagement1763800000000 } from "./migrations/1763800000000-InitEngagement";
import { EngagementDomain1764200000000 } from "./migrations/1764200000000-EngagementDomain";
import { EngagementVersions1765200000001 } from "./migrations/1765200000001-EngagementVersions";
import { ReminderOccasions1766100000002 } from "./migrations/1766100000002-ReminderOccasions";
import { meetingReminderQueueDefinition } from "./reminders/meetingReminders";
import { reminderQueueDefinition } from "./reminders/reminders";
import { MeetingSeries1766400000001 } from "./migrations/1766400000001-MeetingSeries";
import { Attachments1766600000001 } from "./migrations/1766600000001-Attachments";
import { NgoMergeRewrites1766700000001 } from "./migrations/1766700000001-NgoMergeRewrites";
import { appliedMergedInto, appliedSurvivorOf } from "./merging/ngoMergeMirror";
import { SocialHarmChangeNotices1767220000001 } from "./migrations/1767220000001-SocialHarmChangeNotices";
import { RequestActions1767240000001 } from "./migrations/1767240000001-RequestActions";
import { MeetingReplies1767250000001 } from "./migrations/1767250000001-MeetingReplies";
import { DemandTopics1767260000001 } from "./migrations/1767260000001-DemandTopics";
import { GoverningBodies1767260000002 } from "./migrations/1767260000002-GoverningBodies";
import { ProjectPriorityNeed1767260000003 } from "./migrations/1767260000003-ProjectPriorityNeed";
import { DemandTopicChangeNotices1767320000001 } from "./migrations/1767320000001-DemandTopicChangeNotices";
import { AttendedMeetingIndexes1767332000001 } from "./migrations/1767332000001-AttendedMeetingIndexes";
import { MeetingQuarterCounts1767340000010 } from "./migrations/1767340000010-MeetingQuarterCounts";
import { AgendaItemCovering1767340000041 } from "./migrations/1767340000041-AgendaItemCovering";
import { HeldMeetingsByChair1767340000050 } from "./migrations/1767340000050-HeldMeetingsByChair";
import { ResolutionDeadlineOrder1767340000082 } from "./migrations/1767340000082-ResolutionDeadlineOrder";
import { buildEngagementSchema, engagementEntities } from "./schema";

export { buildEngagementSchema, engagementEntities } from "./schema";
export { loadEngagementDemoData } from "./seed/demo";
export type { EngagementDemoInput } from "./seed/demo";
export { SEEDED_SOCIAL_HARMS, socialHarmId } from "./seed/socialHarms";
export { sendEngagementReminders } from "./reminders/reminders";
export { sendMeetingReminders } from "./reminders/meetingReminders";

export const SERVICE_NAME = "engagement";
export const engagementMigrations = [
  InitEngagement1763800000000,
  EngagementDomain1764200000000,
  EngagementVersions1765200000001,
  ReminderOccasions1766100000002,
  MeetingSeries1766400000001,
  Attachments1766600000001,
  NgoMergeRewrites1766700000001,
  SocialHarmChangeNotices1767220000001,
  RequestActions1767240000001,
  MeetingReplies1767250000001,
  DemandTopics1767260000001,
  GoverningBodies1767260000002,
  ProjectPriorityNeed1767260000003,
  DemandTopicChangeNotices1767320000001,
  AttendedMeetingIndexes1767332000001,
  MeetingQuarterCounts1767340000010,
  AgendaItemCovering1767340000041,
  HeldMeetingsByChair1767340000050,
  ResolutionDeadlineOrder1767340000082,
];

export function createEngagementDataSource(url: string): DataSource {
  return createServiceDataSource({
    url,
    schema: SERVICE_NAME,
    entities: engagementEntities,
    migrations: engagementMigrations,
  });
}

/**
 * Starts the engagement subgraph. `registryUrl`: the registry subgraph, asked at write time whether the NGOs,
 * managers, agencies, counties, NGO Houses and areas an input names exist in the caller's territory
 * (docs/references.md); "unchecked" only in engagement's own tests, which run without a registry.
 */
export async function startEngagement(options: {
  db: DataSource;
  port: number;
  security: ServiceSecurity;
  registryUrl?: string | "unchecked";
  /** The reminder jobs (docs/notifications.md); false in tests that call `sendEngagementReminders` / `sendMeetingReminders` with their own clock. */
  reminders?: boolean;
}): Promise<RunningServer> {
  const jobs = await JobQueue.start({
    service: SERVICE_NAME,
    db: options.db,
    queues:
      options.reminders === false
        ? []
        : [reminderQueueDefinition(options.db), meetingReminderQueueDefinition(options.db)],
  });
  const server = await startSubgraphServer({
    name: SERVICE_NAME,
    schema: await buildEngagementSchema(),
    db: options.db,
    port: options.port,
    security: options.security,
    referenceOwners: options.registryUrl === "unchecked" ? "unchecked" : { registry: options.registryUrl },
    ngoMerges: { survivorOf: appliedSurvivorOf, mergedInto: appliedMergedInto },
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
