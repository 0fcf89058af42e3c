import {
  createServiceDataSource,
  JobQueue,
  RunningServer,
  ServiceSecurity,
  startSubgraphServer,
} from "@hamafza/common";
import { DataSource } from "typeorm";
import { DEFAULT_LOGIN_POLICY, LoginPolicy } from "./auth/policy";
import { authRoutes } from "./auth/routes";
import { InitIdentity1763900000000 } from "./migrations/1763900000000-InitIdentity";
import { IdentityVersions1765200000003 } from "./migrations/1765200000003-IdentityVersions";
import { Notifications1766100000001 } from "./migrations/1766100000001-Notifications";
import { notificationQueues } from "./notifications/delivery";
import { SmtpSettings, smtpSettingsFromEnv } from "./notifications/mail";
import { SavedQueries1766200000000 } from "./migrations/1766200000000-SavedQueries";
import { CalendarFeeds1766400000000 } from "./migrations/1766400000000-CalendarFeeds";
import { Invitations1767000000000 } from "./migrations/1767000000000-Invitations";
import { InvitationAuthorisation1767230000001 } from "./migrations/1767230000001-InvitationAuthorisation";
import { buildIdentitySchema, identityEntities } from "./schema";

export { buildIdentitySchema, identityEntities } from "./schema";
export { ensureAdminAccount, loadIdentityDemoData, demoUsers, DEMO_PASSWORD, ADMIN_USERNAME } from "./seed/accounts";
export type { AdminBootstrap, DemoBoundRecord, DemoUser } from "./seed/accounts";
export { DEFAULT_LOGIN_POLICY, loginPolicyFromEnv } from "./auth/policy";
export type { LoginPolicy } from "./auth/policy";
export type { SignInResult } from "./auth/sessions";

export const SERVICE_NAME = "identity";
export const identityMigrations = [
  InitIdentity1763900000000,
  IdentityVersions1765200000003,
  Notifications1766100000001,
  SavedQueries1766200000000,
  CalendarFeeds1766400000000,
  Invitations1767000000000,
  InvitationAuthorisation1767230000001,
];
export { deliverPendingRequests, emailNotification, sendDigests } from "./notifications/delivery";
export { smtpSettingsFromEnv, createTransport } from "./notifications/mail";
export type { SmtpSettings } from "./notifications/mail";

export function createIdentityDataSource(url: string): DataSource {
  return createServiceDataSource({
    url,
    schema: SERVICE_NAME,
    entities: identityEntities,
    migrations: identityMigrations,
  });
}

/**
 * The identity service: a subgraph (users, `me`, the audit log) plus the sign-in endpoints under /auth, which the
 * gateway exposes as POST /auth/login, /auth/refresh and /auth/logout.
 */
export async function startIdentity(options: {
  db: DataSource;
  port: number;
  security: ServiceSecurity;
  policy?: LoginPolicy;
  /** The registry subgraph, asked whether a user's province and county exist (docs/references.md). */
  registryUrl?: string | "unchecked";
  /** Email of notifications; HAMAFZA_SMTP_* by default (null: inbox only). */
  smtp?: SmtpSettings | null;
  /** When pending notification requests are delivered (cron, Tehran time; every minute). Tests: null, and they call `deliverPendingRequests`. */
  notificationIntakeCron?: string | null;
}): Promise<RunningServer> {
  const policy = options.policy ?? DEFAULT_LOGIN_POLICY;
  // Notification delivery and email (docs/notifications.md) run on the identity service's job queue.
  let jobs: JobQueue | null = null;
  const queues = notificationQueues(
    options.db,
    options.smtp === undefined ? smtpSettingsFromEnv() : options.smtp,
    () => jobs!,
    options.notificationIntakeCron === undefined ? "* * * * *" : options.notificationIntakeCron,
  );
  jobs = await JobQueue.start({ service: SERVICE_NAME, db: options.db, queues });
  const started = jobs;
  const server = await startSubgraphServer({
    name: SERVICE_NAME,
    schema: await buildIdentitySchema(policy),
    db: options.db,
    port: options.port,
    security: options.security,
    referenceOwners: options.registryUrl === "unchecked" ? "unchecked" : { registry: options.registryUrl },
    routes: (app) => app.use("/auth", authRoutes(options.db, options.security.keys, policy)),
  }).catch(async (error) => {
    await started.stop();
    throw error;
  });
  return {
    ...server,
    stop: async () => {
      await started.stop();
      await server.stop();
    },
  };
}
