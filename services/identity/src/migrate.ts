import { logger } from "@hamafza/common";
import { runMigrationMain, setting } from "@hamafza/common";
import { createIdentityDataSource } from "./index";
import { ensureAdminAccount } from "./seed/accounts";

/**
 * One-shot: provision (if allowed) and migrate the identity schema (first: it owns the audit log), and create the
 * `admin` account once (ADMIN_PASSWORD, or a generated password printed once to the job's log).
 */
runMigrationMain({
  name: "identity",
  createDataSource: createIdentityDataSource,
  afterMigrate: async (db) => {
    const admin = await ensureAdminAccount(db, setting("ADMIN_PASSWORD"));
    if (!admin.created) return;
    return admin.generatedPassword
      ? `created "admin" with the password ${admin.generatedPassword} (shown once; change it)`
      : `created "admin" with ADMIN_PASSWORD`;
  },
}).catch((error) => {
  logger.error({ err: error }, "[identity-migrate] failed");
  process.exit(1);
});
