import { AddressInfo } from "node:net";
import { simpleParser, ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import {
  ErrorCode,
  generateServiceSecurity,
  NotificationKind,
  postGraphQL,
  requestNotification,
  Role,
  RunningServer,
  withClient,
} from "@hamafza/common";
import { subgraphHeaders, until } from "@hamafza/common/testing";
import { createEngagementDataSource } from "@hamafza/engagement";
import {
  createIdentityDataSource,
  createTransport,
  deliverPendingRequests,
  emailNotification,
  sendDigests,
  SmtpSettings,
  startIdentity,
} from "@hamafza/identity";
import { prepareTestDatabase } from "@hamafza/infra";
import { DataSource } from "typeorm";

/**
 * The in-app inbox and email: another service (engagement's own role) appends a notification request; the identity
 * service delivers it to the officers it addresses (a county without an officer falls back to its province's),
 * once per occasion; users read, count and mark their own notifications only; email goes to a real SMTP server
 * started here (smtp-server), Persian and right to left, one by one or as the daily digest, per preferences.
 */
let database: Awaited<ReturnType<typeof prepareTestDatabase>>;
let db: DataSource;
let engagementDb: DataSource;
let server: RunningServer;
let smtpServer: SMTPServer;
let smtp: SmtpSettings;
const mails: ParsedMail[] = [];
const security = generateServiceSecurity();
const users: Record<string, { id: string; county_id: string | null; province_id: string | null }> = {};
const headersOf: Record<string, Record<string, string>> = {};

const gql = (who: string, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(server.url, query, variables, headersOf[who]);

beforeAll(async () => {
  database = await prepareTestDatabase("notifications", { demo: true });
  smtpServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => mails.push(mail))
        .then(() => done(), done);
    },
  });
  await new Promise<void>((resolve) => smtpServer.listen(0, "127.0.0.1", resolve));
  const port = (smtpServer.server.address() as AddressInfo).port;
  smtp = {
    host: "127.0.0.1",
    port,
    secure: false,
    user: null,
    password: null,
    from: "هم‌افزا <no-reply@hamafza.test>",
    publicUrl: "https://hamafza.example.ir",
  };
  db = createIdentityDataSource(database.serviceUrls.identity);
  await db.initialize();
  engagementDb = createEngagementDataSource(database.serviceUrls.engagement);
  await engagementDb.initialize();
  server = await startIdentity({ db, port: 0, security, registryUrl: "unchecked", smtp, notificationIntakeCron: null });
  const rows = await db.query(
    `SELECT id, username, role, county_id, province_id FROM user_account WHERE username IN ('demo.county', 'demo.province', 'demo.analyst')`,
  );
  for (const row of rows) {
    users[row.username] = row;
    headersOf[row.username] = await subgraphHeaders(security, {
      id: row.id,
      username: row.username,
      role: row.role as Role,
      provinceId: row.province_id,
      countyId: row.county_id,
    });
  }
});

afterAll(async () => {
  await server?.stop();
  await engagementDb?.destroy();
  await db?.destroy();
  await new Promise((resolve) => smtpServer?.close(() => resolve(undefined)));
  await database?.drop();
});

const request = (occasionKey: string, counties: string[], kind = NotificationKind.RESOLUTION_OVERDUE) =>
  engagementDb.transaction((em) =>
    requestNotification(em, {
      occasionKey,
      service: "engagement",
      kind,
      title: "مصوبه «ساماندهی کودکان کار» از موعد گذشته است",
      body: "موعد این مصوبه ۱۴۰۴/۰۲/۱۰ بود و هنوز انجام نشده است.",
      reason: "شما کارشناس فرمانداری شهرستان این جلسه هستید.",
      link: "#/resolutions/00000000-0000-4000-8000-000000000001/show",
      recordType: "Resolution",
      recordId: "00000000-0000-4000-8000-000000000001",
      recipients: { countyOfficersOf: counties },
    }),
  );

const unread = async (who: string) => (await gql(who, `{ myUnreadNotificationCount }`)).data!.myUnreadNotificationCount;

describe("notifications: requests from other services, the inbox", () => {
  it("another service appends requests but may not read them", async () => {
    await request("test:overdue:1", [users["demo.county"].county_id!]);
    const refused = await engagementDb.query(`SELECT count(*) FROM identity.notification_request`).then(
      () => null,
      (error: { driverError?: { code?: string } }) => error.driverError?.code,
    );
    expect(refused).toBe("42501");
  });

  it("delivers a request to the county's officers, once per occasion, and emails those who asked for email", async () => {
    await gql(
      "demo.county",
      `mutation { updateMyNotificationPreferences(input: { email: "county.officer@example.ir" }) { email emailEnabled dailyDigest } }`,
    );
    // The request of the first test was appended before the officer set an address: it is delivered now.
    const first = await deliverPendingRequests(db);
    expect(first.delivered).toBe(1);
    await request("test:overdue:1", [users["demo.county"].county_id!]);
    await request("test:overdue:2", [users["demo.county"].county_id!]);
    const second = await deliverPendingRequests(db);
    expect(second.delivered).toBe(1);
    expect(first.toEmail.length + second.toEmail.length).toBe(2);
    expect(await unread("demo.county")).toBe(2);
    expect(await unread("demo.province")).toBe(0);
    expect(await unread("demo.analyst")).toBe(0);
    const page = await gql(
      "demo.county",
      `{ myNotifications(limit: 10) { totalCount items { id kind title reason link recordType readAt } } }`,
    );
    expect(page.data!.myNotifications.totalCount).toBe(2);
    expect(page.data!.myNotifications.items[0]).toMatchObject({
      kind: "RESOLUTION_OVERDUE",
      recordType: "Resolution",
      link: "#/resolutions/00000000-0000-4000-8000-000000000001/show",
      readAt: null,
    });
    expect(page.data!.myNotifications.items[0].reason).toMatch(/کارشناس فرمانداری/);
  });

  it("emails a notification through the SMTP server: Persian subject, right-to-left HTML and plain text", async () => {
    // What the intake job hands to the email queue: the notifications of users with an address and no digest.
    const emailed0 = await db.query(`SELECT id FROM notification WHERE emailed_at IS NULL ORDER BY created_at`);
    for (const { id } of emailed0) await emailNotification(db, createTransport(smtp), smtp, id);
    // A retried email job sends nothing twice.
    for (const { id } of emailed0) await emailNotification(db, createTransport(smtp), smtp, id);
    await until(() => mails.length >= 2, "the emails");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mails).toHaveLength(2);
    const mail = mails[0];
    expect(mail.subject).toBe("مصوبه «ساماندهی کودکان کار» از موعد گذشته است");
    expect((mail.to as { text: string }).text).toBe("county.officer@example.ir");
    expect(mail.html).toMatch(/<html lang="fa" dir="rtl">/);
    expect(mail.text).toContain("https://hamafza.example.ir/#/resolutions/00000000-0000-4000-8000-000000000001/show");
    expect(mail.text).toMatch(/چرا این پیام: شما کارشناس فرمانداری/);
    const emailed = await db.query(`SELECT count(*)::int AS n FROM notification WHERE emailed_at IS NOT NULL`);
    expect(emailed[0].n).toBe(2);
  });

  it("a county without an officer falls back to the province's officers, with the reason saying so", async () => {
    const province = users["demo.province"].province_id!;
    const [{ id: county }] = await withClient(
      database.adminUrl,
      async (client) =>
        (
          await client.query(`SELECT id FROM registry.county WHERE province_id = $1 AND id <> $2 ORDER BY id LIMIT 1`, [
            province,
            users["demo.county"].county_id,
          ])
        ).rows,
    );
    await request("test:orphan:1", [county]);
    await deliverPendingRequests(db);
    expect(await unread("demo.province")).toBe(1);
    const item = (await gql("demo.province", `{ myNotifications { items { reason } } }`)).data!.myNotifications
      .items[0];
    expect(item.reason).toMatch(/کارشناس فرمانداری در سامانه ثبت نشده/);
  });

  it("marks read only the user's own notifications", async () => {
    const mine = (await gql("demo.county", `{ myNotifications { items { id } } }`)).data!.myNotifications.items;
    const theirs = (await gql("demo.province", `{ myNotifications { items { id } } }`)).data!.myNotifications.items;
    const foreign = await gql("demo.county", `mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, {
      ids: theirs.map((n: { id: string }) => n.id),
    });
    expect(foreign.data!.markNotificationsRead).toBe(0);
    expect(await unread("demo.province")).toBe(1);
    const one = await gql("demo.county", `mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, {
      ids: [mine[0].id],
    });
    expect(one.data!.markNotificationsRead).toBe(1);
    expect(await unread("demo.county")).toBe(1);
    const unreadOnly = await gql("demo.county", `{ myNotifications(filter: { unread: true }) { totalCount } }`);
    expect(unreadOnly.data!.myNotifications.totalCount).toBe(1);
    expect(
      (await gql("demo.county", `mutation { markNotificationsRead(all: true) }`)).data!.markNotificationsRead,
    ).toBe(1);
    expect(await unread("demo.county")).toBe(0);
    const empty = await gql("demo.county", `mutation { markNotificationsRead }`);
    expect(empty.errors?.[0].extensions?.code).toBe(ErrorCode.BAD_USER_INPUT);
  });
});

describe("notifications: preferences", () => {
  it("refuses a malformed email address and changes nothing", async () => {
    const bad = await gql(
      "demo.county",
      `mutation { updateMyNotificationPreferences(input: { email: "not an address", dailyDigest: true }) { email } }`,
    );
    expect(bad.errors?.[0].extensions?.code).toBe(ErrorCode.BAD_USER_INPUT);
    const now = await gql("demo.county", `{ myNotificationPreferences { email dailyDigest mutedKinds } }`);
    expect(now.data!.myNotificationPreferences).toEqual({
      email: "county.officer@example.ir",
      dailyDigest: false,
      mutedKinds: [],
    });
  });

  it("muted kinds are not delivered; the daily digest sends one email listing the rest", async () => {
    const set = await gql(
      "demo.county",
      `mutation { updateMyNotificationPreferences(input: { dailyDigest: true, mutedKinds: [LICENCE_EXPIRING] }) { dailyDigest mutedKinds } }`,
    );
    expect(set.data!.updateMyNotificationPreferences).toEqual({
      dailyDigest: true,
      mutedKinds: ["LICENCE_EXPIRING"],
    });
    const county = users["demo.county"].county_id!;
    await request("test:licence:1", [county], NotificationKind.LICENCE_EXPIRING);
    await request("test:overdue:3", [county]);
    await request("test:overdue:4", [county]);
    const { delivered, toEmail } = await deliverPendingRequests(db);
    expect(delivered).toBe(2);
    expect(toEmail).toEqual([]); // digest users get no single emails
    const before = mails.length;
    expect(await sendDigests(db, createTransport(smtp), smtp)).toBe(1);
    await until(() => mails.length === before + 1, "the digest");
    const digest = mails[mails.length - 1];
    expect(digest.subject).toBe("خلاصه اعلان‌های هم‌افزا: ۲ اعلان تازه");
    expect(digest.html).toMatch(/dir="rtl"/);
    // Sent once: a second digest run has nothing new to send.
    expect(await sendDigests(db, createTransport(smtp), smtp)).toBe(0);
  });
});
