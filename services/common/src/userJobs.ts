import { DataSource } from "typeorm";
import { requireUser } from "./access";
import { accessTokenExpired, AuthUser } from "./auth";
import { createRequestContext, RequestContext } from "./context";
import { JobQueue } from "./jobs";
import { openJobSecret, sealJobSecret } from "./jobSecrets";
import { ReferenceOwners } from "./references";

/**
 * Jobs that act as the user whose request created them (an evaluation run, the registry's NGO-merge sync; docs/jobs.md).
 * The job keeps who asked, their access token sealed with the gateway secret (jobSecrets.ts: the database never holds
 * a usable token) and the request it came from; the worker opens the token and acts in a request context of that
 * user, so upstream services apply the same territory and roles as they would have to the request itself.
 *
 * A running service registers its queue and the gateway secret per data source (`registerUserJobs`); request code
 * finds them by its context's data source (`userJobsOf`).
 */

/** What every job acting as a user keeps (a queue's own data adds its fields beside these). */
export interface UserJobData {
  user: AuthUser;
  /** The user's access token, sealed; null when the request had none. */
  token: string | null;
  requestId: string;
  clientAddress: string | null;
}

/** A service's queue and the secret its jobs' tokens are sealed with. */
export interface UserJobs {
  queue: JobQueue;
  gatewaySecret: string;
}

const registered = new WeakMap<object, UserJobs>();

/** Called once the service's queue runs: jobs created by requests against `db` go to `queue`. */
export function registerUserJobs(db: object, queue: JobQueue, gatewaySecret: string): void {
  registered.set(db, { queue, gatewaySecret });
}

/** The queue and secret registered for a data source; undefined when no service runs on it (scripts, some tests). */
export const userJobsOf = (db: object): UserJobs | undefined => registered.get(db);

/** The part of a job's data that lets it act as the request's user later. */
export function userJobData(ctx: RequestContext, gatewaySecret: string): UserJobData {
  return {
    user: requireUser(ctx),
    token: ctx.accessToken ? sealJobSecret(gatewaySecret, ctx.accessToken) : null,
    requestId: ctx.requestId,
    clientAddress: ctx.clientAddress,
  };
}

/**
 * The job's token, opened; null when it has none, was sealed under another gateway secret (the system restarted
 * with a new random one) or, with `unexpired`, has expired (asking with it would only be refused).
 */
export function openUserJobToken(
  gatewaySecret: string,
  data: UserJobData,
  options: { unexpired?: boolean } = {},
): string | null {
  const token = data.token ? openJobSecret(gatewaySecret, data.token) : null;
  if (!token || (options.unexpired && accessTokenExpired(token))) return null;
  return token;
}

/** The request context a job acts in: the user of its request, with `token` (null: acts without asking upstream). */
export function userJobContext(
  db: DataSource,
  data: UserJobData,
  token: string | null,
  options: { service: string; referenceOwners?: ReferenceOwners | null },
): RequestContext {
  return createRequestContext(db, {
    user: data.user,
    accessToken: token,
    service: options.service,
    requestId: data.requestId,
    clientAddress: data.clientAddress,
    referenceOwners: options.referenceOwners ?? null,
  });
}
