import { withClient } from "@hamafza/common";
import { createIdentityDataSource, deliverPendingRequests } from "@hamafza/identity";
import { prepareTestDatabase } from "@hamafza/infra";
import { createRegistryDataSource, sendLicenceReminders } from "@hamafza/registry";
import { DataSource } from "typeorm";
import { licenceRequest } from "../src/reminders/licenceReminders";

/**
 * Licence reminders on a controllable clock: entering the expiring window (HAMAFZA_LICENCE_EXPIRING_DAYS, 60 by
 * default) and expired, each once per licence and expiry date (also across two processes and a restart), delivered
 * by identity to the officers of the NGO's county.
 */
describe("licence reminder rule", () => {
  const row = { id: "l1", number: "۱۲۳", expiresOn: "2025-06-30", ngoId: "n1", ngoName: "سمن نمونه", countyId: "1901" };

  it("is due from the window's first day, and again (another occasion) once expired", () => {
    expect(licenceRequest(row, "2025-04-30", 60)).toBeNull(); // 61 days left
    expect(licenceRequest(row, "2025-05-01", 60)).toMatchObject({
      occasionKey: "licence-expiring:l1:2025-06-30",
      recipients: { countyOfficersOf: ["1901"] },
      link: "#/licences/l1/show",
    });
    expect(licenceRequest(row, "2025-06-30", 60)?.body).toMatch(/امروز/);
    expect(licenceRequest(row, "2025-07-01", 60)).toMatchObject({ occasionKey: "licence-expired:l1:2025-06-30" });
    expect(licenceRequest(row, "2025-06-01", 20)).toBeNull();
  });
});

describe("the daily licence reminder job on the demo data", () => {
  let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
  const sources: DataSource[] = [];
  const open = async (source: DataSource) => (await source.initialize(), sources.push(source), source);
  const admin = <T = Record<string, any>>(sql: string, params: unknown[] = []) =>
    withClient(database.adminUrl, async (client) => (await client.query(sql, params)).rows as T[]);

  beforeAll(async () => {
    database = await prepareTestDatabase("licencereminders", { demo: true });
  });
  afterAll(async () => {
    for (const source of sources) await source.destroy();
    await database?.drop();
  });

  it("requests each licence's occasion once, across two processes and a restart; identity delivers it to the NGO's officers", async () => {
    const [licence] = await admin<{ id: string; expires: string; county_id: string }>(
      `SELECT l.id, to_char(l.expires_on, 'YYYY-MM-DD') AS expires, n.county_id FROM registry.licence l JOIN registry.ngo n ON n.id = l.ngo_id
        WHERE l.status = 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM registry.licence x WHERE x.ngo_id = l.ngo_id AND x.expires_on > l.expires_on)
        ORDER BY l.expires_on DESC, l.id LIMIT 1`,
    );
    const at = (days: number) => new Date(Date.parse(`${licence.expires}T08:00:00+03:30`) + days * 86_400_000);
    const [a, b] = [
      await open(createRegistryDataSource(database.serviceUrls.registry)),
      await open(createRegistryDataSource(database.serviceUrls.registry)),
    ];
    const [first, second] = await Promise.all([sendLicenceReminders(a, at(-30)), sendLicenceReminders(b, at(-30))]);
    const keys = async () =>
      (await admin<{ occasion_key: string }>(`SELECT occasion_key FROM identity.notification_request`)).map(
        (r) => r.occasion_key,
      );
    expect(first + second).toBe((await keys()).length);
    expect(await keys()).toContain(`licence-expiring:${licence.id}:${licence.expires}`);
    const restarted = await open(createRegistryDataSource(database.serviceUrls.registry));
    expect(await sendLicenceReminders(restarted, at(-29))).toBe(0);
    await sendLicenceReminders(restarted, at(1));
    expect((await keys()).filter((k) => k.includes(licence.id)).sort()).toEqual([
      `licence-expired:${licence.id}:${licence.expires}`,
      `licence-expiring:${licence.id}:${licence.expires}`,
    ]);
    const identity = await open(createIdentityDataSource(database.serviceUrls.identity));
    await deliverPendingRequests(identity);
    const receivers = await admin<{ role: string; county_id: string | null; province_id: string }>(
      `SELECT u.role, u.county_id, u.province_id FROM identity.notification n JOIN identity.user_account u ON u.id = n.user_id
        WHERE n.record_id = $1`,
      [licence.id],
    );
    expect(receivers.length).toBeGreaterThan(0);
    for (const user of receivers)
      if (user.role === "COUNTY_OFFICER") expect(user.county_id).toBe(licence.county_id);
      else expect(user).toMatchObject({ role: "PROVINCE_OFFICER", province_id: licence.county_id.slice(0, 2) });
  });
});
