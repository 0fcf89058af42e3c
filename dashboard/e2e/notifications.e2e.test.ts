import { join } from "node:path";
import { login } from "@hamafza/common";
import { createEngagementDataSource, sendEngagementReminders } from "@hamafza/engagement";
import { createIdentityDataSource, DEMO_PASSWORD, deliverPendingRequests } from "@hamafza/identity";
import { toPersianDigits } from "../src/common/persianDigits";
import { ARTIFACTS, browserIt, browserSuiteTitle, demoUser, useBrowserStack, WAIT } from "./browserStack";

/**
 * The inbox in headless Chromium: engagement's reminder job (on a chosen instant) asks for reminders about the demo
 * data, identity delivers them; the province officer's bell (overdue resolutions are escalated to the province) shows the unread count in Persian digits, opens the inbox,
 * «خواندم» lowers the count, and a notification's link opens its record.
 */
describe(browserSuiteTitle("notifications in headless Chromium", "notifications"), () => {
  const suite = useBrowserStack("notifications");

  browserIt(
    "the bell counts the province officer's unread reminders, the inbox marks them read and links to the record",
    async () => {
      const engagement = createEngagementDataSource(suite.database.serviceUrls.engagement);
      const identity = createIdentityDataSource(suite.database.serviceUrls.identity);
      await Promise.all([engagement.initialize(), identity.initialize()]);
      try {
        // Demo deadlines fall in 1404: reminding near its end (19 Esfand 1404) finds resolutions overdue.
        await sendEngagementReminders(engagement, new Date("2026-03-10T05:00:00Z"));
        await deliverPendingRequests(identity);
      } finally {
        await Promise.all([engagement.destroy(), identity.destroy()]);
      }
      const officer = demoUser("PROVINCE_OFFICER");
      const token = await login(suite.stack.baseUrl, officer.username, DEMO_PASSWORD);
      const unread = (await suite.gql(token, `{ myUnreadNotificationCount }`)).myUnreadNotificationCount as number;
      expect(unread).toBeGreaterThan(1);

      const context = await suite.newContext();
      const page = await context.newPage();
      await suite.submitSignIn(page, officer.username);
      const count = page.getByTestId("notification-count");
      await count.getByText(toPersianDigits(unread > 99 ? "99+" : unread), { exact: true }).waitFor(WAIT);
      await page.getByTestId("notification-bell").click();
      await page.waitForURL(/#\/inbox$/, WAIT);
      await page.getByTestId("inbox-item").first().waitFor(WAIT);
      expect(await page.locator('[data-testid="inbox-item"][data-unread="true"]').count()).toBe(Math.min(unread, 20));
      await page
        .getByText(/چرا این اعلان:/)
        .first()
        .waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "notifications-inbox.png"), fullPage: true });

      await page.getByRole("button", { name: "خواندم", exact: true }).first().click();
      await count.getByText(toPersianDigits(unread - 1 > 99 ? "99+" : unread - 1), { exact: true }).waitFor(WAIT);
      expect((await suite.gql(token, `{ myUnreadNotificationCount }`)).myUnreadNotificationCount).toBe(unread - 1);

      // Opening an unread notification's record marks it read too.
      const link = page.locator('[data-testid="inbox-item"][data-unread="true"] a[href^="#/resolutions/"]').first();
      const href = await link.getAttribute("href");
      await link.click();
      await page.waitForURL(new RegExp(`${href!.replace(/[/#]/g, (c) => `\\${c}`)}$`), WAIT);
      await count.getByText(toPersianDigits(unread - 2 > 99 ? "99+" : unread - 2), { exact: true }).waitFor(WAIT);
      expect((await suite.gql(token, `{ myUnreadNotificationCount }`)).myUnreadNotificationCount).toBe(unread - 2);
    },
    120_000,
  );
});
