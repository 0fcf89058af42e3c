import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { Page } from "playwright-core";
import { browserIt, browserSuiteTitle, demoUser, useBrowserStack, WAIT } from "./browserStack";

/**
 * The training loop in headless Chromium on a 390 px phone (docs/training.md): a need the NGO representative declared
 * (API: the invited users' dashboard shell is another branch's) is planned by the county officer in the dashboard —
 * invite, attendance, needs met — and the representative then reads it MET with its own attendance.
 */
const browserDescribe = browserSuiteTitle("the training loop in headless Chromium", "training loop");
const PHONE = { width: 390, height: 844 };

describe(browserDescribe, () => {
  const suite = useBrowserStack("training_loop");

  async function signedIn(username: string): Promise<Page> {
    const context = await suite.newContext();
    const page = await context.newPage();
    await page.setViewportSize(PHONE);
    await suite.submitSignIn(page, username);
    await page.waitForURL((url) => !url.hash.startsWith("#/login"), WAIT);
    return page;
  }

  /** Opens an action dialog by its button, ticks the options named and confirms. */
  async function act(page: Page, button: string, tick: string[] = []) {
    await page.getByRole("button", { name: button }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor(WAIT);
    for (const label of tick) await dialog.getByLabel(label).check();
    await dialog.getByRole("button", { name: "تأیید" }).click();
    await dialog.waitFor({ state: "detached", ...WAIT });
  }

  browserIt(
    "a county officer invites the NGO with the need, records its attendance and marks the need met; the NGO sees it",
    async () => {
      const ngoToken = await login(suite.stack.baseUrl, demoUser("NGO_REPRESENTATIVE").username, DEMO_PASSWORD);
      const officerToken = await login(suite.stack.baseUrl, demoUser("COUNTY_OFFICER").username, DEMO_PASSWORD);
      const { ngos } = await suite.gql(ngoToken, `{ ngos { items { id name } } }`);
      const ngo = ngos.items[0] as { id: string; name: string };
      const now = new Date();
      const year = Number(
        new Intl.DateTimeFormat("en-u-ca-persian", { timeZone: "Asia/Tehran", year: "numeric" })
          .format(now)
          .split(" ")[0],
      );
      const topic = "مستندسازی و گزارش‌نویسی پروژه";
      const { declareTrainingNeed: need } = await suite.gql(
        ngoToken,
        `mutation($input: TrainingNeedDeclareInput!) { declareTrainingNeed(input: $input) { id status } }`,
        { input: { topic, audience: "داوطلبان", urgency: "HIGH", year } },
      );
      expect(need.status).toBe("DECLARED");
      const { createTrainingSession: session } = await suite.gql(
        officerToken,
        `mutation($input: TrainingSessionInput!) { createTrainingSession(input: $input) { id } }`,
        {
          input: {
            topic,
            startsAt: new Date(now.getTime() - 3_600_000).toISOString(),
            venue: "سالن اجتماعات فرمانداری",
            capacity: 10,
            provider: "مرکز آموزش مدیریت دولتی",
            countyId: "1901",
          },
        },
      );

      const page = await signedIn(demoUser("COUNTY_OFFICER").username);
      await page.goto(`${suite.stack.baseUrl}/#/trainingSessions/${session.id}/show`);
      await page.getByText("سالن اجتماعات فرمانداری").waitFor(WAIT);
      await act(page, "دعوت سمن‌های نیازمند", [
        `${ngo.name} — ${topic} (${year.toLocaleString("fa-IR", { useGrouping: false })})`,
      ]);
      await page.getByRole("cell", { name: ngo.name }).waitFor(WAIT);
      await act(page, "ثبت حضور", [ngo.name]);
      await page.getByRole("cell", { name: "حاضر" }).waitFor(WAIT);
      await act(page, "برآورده‌شدن نیازها");
      // The page fits the phone: nothing scrolls sideways.
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1]);

      const mine = await suite.gql(
        ngoToken,
        `query($id: ID!) { trainingNeeds(filter: { ids: [$id] }) { items { status session { id invitations { ngoId attended } } } } }`,
        { id: need.id },
      );
      expect(mine.trainingNeeds.items).toEqual([
        { status: "MET", session: { id: session.id, invitations: [{ ngoId: ngo.id, attended: true }] } },
      ]);
    },
    180_000,
  );
});
