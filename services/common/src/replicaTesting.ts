import { DataSource } from "typeorm";
import { referenceChanges } from "./referenceChanges";

/**
 * Test helpers for the change-notice caches (published with `@hamafza/common/testing`): a second data source on the
 * same database stands for another replica of a service.
 */

/** Initialises `replica` and waits until both it and `primary` listen for reference-change notices. */
export async function listeningReplica(primary: DataSource, replica: DataSource): Promise<DataSource> {
  await replica.initialize();
  const listening = [await referenceChanges(primary).ready(), await referenceChanges(replica).ready()];
  if (listening.includes(false)) throw new Error("a data source does not listen for reference-change notices");
  return replica;
}

/** Waits (at most 5 s, polling every 50 ms) until `check` holds; whether it did. */
export async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let waited = 0; waited < 5000; waited += 50) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
