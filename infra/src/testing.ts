import { randomBytes } from "node:crypto";
import { dropProvisionedDatabase } from "@hamafza/common";
import { testAdminUrl } from "@hamafza/common/testing";
import { prepareDatabase, PreparedDatabase } from "./prepare";

/**
 * A fully prepared database for one test file (every service's migrations, the audit-log grants, reference
 * data, optionally demo data), on the PostgreSQL the Jest global setup provides.
 */
export async function prepareTestDatabase(
  label: string,
  options: { demo: boolean },
): Promise<PreparedDatabase & { drop(): Promise<void> }> {
  const name = `t_${label
    .replace(/[^a-z0-9]/gi, "")
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(4).toString("hex")}`;
  const prepared = await prepareDatabase(testAdminUrl(), name, { demo: options.demo });
  return { ...prepared, drop: () => dropProvisionedDatabase(testAdminUrl(), name) };
}
