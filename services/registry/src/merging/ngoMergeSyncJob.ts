import {
  logger,
  openUserJobToken,
  QueueDefinition,
  ReferenceOwners,
  RequestContext,
  setting,
  UserJobData,
  userJobContext,
  userJobData,
  userJobsOf,
} from "@hamafza/common";
import { DataSource, EntityManager } from "typeorm";
import { syncEngagement } from "./ngoMergeStore";

/**
 * Engagement learns a merge or an undo from the registry (docs/merging.md). Right after the commit the registry asks
 * it to catch up (`syncEngagement`); when engagement is down, restarting or slow, that call fails and the merge
 * would wait for the next merge or a manual `syncNgoMerges`. So each merge and undo also leaves a job in the
 * registry's queue, created in its own transaction (it exists exactly when the merge does, even if the process dies
 * right after the commit). The job asks engagement again, as the user who merged (a user job, userJobs.ts in common:
 * engagement reads the events with their token), and is retried with backoff until engagement answers or the
 * token expires. Asking when engagement is already up to date applies nothing (events are applied once).
 */

export const NGO_MERGE_SYNC_QUEUE = "registry-ngo-merge-sync";

/** Retries after the first attempt: with the default 15 s doubled each time, ≈ 32 minutes, the token's default life. */
const RETRY_LIMIT = 7;
/** The job starts this long after the commit, when the request's own call has usually succeeded already. */
const START_AFTER_SECONDS = 5;

async function runSync(db: DataSource, owners: ReferenceOwners | null, secret: string, data: UserJobData) {
  if (!owners || owners === "unchecked") return; // no engagement to tell (the registry's own tests)
  const token = openUserJobToken(secret, data, { unexpired: true });
  if (!token) {
    logger.warn(
      `[registry] NGO merge sync of request ${data.requestId}: no valid token left to ask engagement with; the next merge, undo or syncNgoMerges catches up`,
    );
    return;
  }
  const ctx = userJobContext(db, data, token, { service: "registry", referenceOwners: owners });
  if (!(await syncEngagement(ctx))) throw new Error("the engagement service did not answer syncNgoMerges");
}

/** The queue definition (registered by `startRegistry`); `owners` is the same object the subgraph server asks with. */
export function ngoMergeSyncQueue(
  db: DataSource,
  owners: ReferenceOwners | null,
  gatewaySecret: string,
): QueueDefinition<UserJobData> {
  return {
    name: NGO_MERGE_SYNC_QUEUE,
    run: (data) => runSync(db, owners, gatewaySecret, data),
    onDead: async (data) => {
      logger.error(
        `[registry] engagement did not apply the NGO merges of request ${data.requestId} after ${RETRY_LIMIT} retries; the next merge, undo or syncNgoMerges catches up`,
      );
    },
    retryLimit: RETRY_LIMIT,
    retryDelaySeconds: setting("HAMAFZA_NGO_MERGE_SYNC_RETRY_SECONDS"),
    retryBackoff: true,
    expireInSeconds: 300,
  };
}

/** In a merge's or an undo's transaction: the job that makes sure engagement applies it. */
export async function enqueueEngagementSync(ctx: RequestContext, em: EntityManager): Promise<void> {
  const jobs = userJobsOf(ctx.db);
  if (!jobs) return; // a data source without a running registry (scripts)
  const data: UserJobData = userJobData(ctx, jobs.gatewaySecret);
  await jobs.queue.send(NGO_MERGE_SYNC_QUEUE, data, { em, startAfterSeconds: START_AFTER_SECONDS });
}
