import { join } from "node:path";
import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { Page } from "playwright-core";
import { ARTIFACTS, browserIt, browserSuiteTitle, demoUser, useBrowserStack, WAIT } from "./browserStack";

/**
 * Agencies answer in the system (issue 15, docs/self-service.md) in headless Chromium on a 390 px phone: the demo NGO's
 * representative submits a demand to the demo respondent's agency, the respondent answers it from the inbox, and the
 * county officer reads the answer on the demand's page; the API agrees (response day = today, dated history).
 */
const browserDescribe = browserSuiteTitle("agencies answer in headless Chromium", "agencies answer");

const PHONE = { width: 390, height: 844 };
const TITLE = "نبود فضای مناسب برای جلسات داوطلبان";
const ANSWER = "سالن اجتماعات اداره از ماه آینده در اختیار سمن قرار می‌گیرد.";

describe(browserDescribe, () => {
  const suite = useBrowserStack("agency_answers_ui");

  async function signedIn(username: string): Promise<{ page: Page; pageErrors: string[] }> {
    const context = await suite.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.setViewportSize(PHONE);
    await suite.submitSignIn(page, username);
    await page.waitForURL((url) => !url.hash.startsWith("#/login"), WAIT);
    return { page, pageErrors };
  }

  /** The page is no wider than the phone (no sideways scroll). */
  const fitsPhone = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  browserIt(
    "a representative submits a demand on a phone, the agency's respondent answers it, the county officer reads the answer",
    async () => {
      const respondent = demoUser("AGENCY_RESPONDENT");
      const respondentToken = await login(suite.stack.baseUrl, respondent.username, DEMO_PASSWORD);
      const { agencies } = await suite.gql<{ agencies: { items: { id: string; name: string }[] } }>(
        respondentToken,
        `{ agencies { items { id name } } }`,
      );
      expect(agencies.items).toHaveLength(1);
      const agency = agencies.items[0];

      // 1. The representative, on a phone: the menu entry, the form, the new demand waiting for its answer.
      const ngo = await signedIn(demoUser("NGO_REPRESENTATIVE").username);
      // The entry of the representative's home (selfService/menus/ngoRepresentativeMenu.tsx) opens the page.
      await ngo.page.locator('[data-testid="self-home-myRequests"] a').click();
      await ngo.page.waitForURL((url) => url.hash === "#/my-requests", WAIT);
      await ngo.page.getByRole("button", { name: "مطالبه یا طرح تازه" }).click();
      await ngo.page.getByLabel("دستگاه مخاطب").click();
      await ngo.page.getByRole("option", { name: agency.name, exact: true }).click();
      await ngo.page.getByLabel("عنوان مطالبه").fill(TITLE);
      await ngo.page.getByLabel("شرح", { exact: true }).fill("سمن برای جلسات ماهانه داوطلبان فضایی ندارد.");
      await ngo.page.getByRole("button", { name: "ارسال" }).click();
      const mine = ngo.page.locator('[data-testid="request-card"]', { hasText: TITLE });
      await mine.waitFor(WAIT);
      expect(await mine.getAttribute("data-status")).toBe("RAISED");
      await fitsPhone(ngo.page);
      await ngo.page.screenshot({ path: join(ARTIFACTS, "agency-answers-representative.png"), fullPage: true });

      // 2. The respondent, on a phone: the inbox holds it; accept with the answer.
      const resp = await signedIn(respondent.username);
      await resp.page.locator('[data-testid="self-home-respondentInbox"] a').click();
      await resp.page.waitForURL((url) => url.hash === "#/respondent-inbox", WAIT);
      const inboxCard = resp.page.locator('[data-testid="request-card"]', { hasText: TITLE });
      await inboxCard.waitFor(WAIT);
      await fitsPhone(resp.page);
      await inboxCard.getByRole("button", { name: "پذیرش و پاسخ" }).click();
      await resp.page.getByRole("dialog").getByLabel("پاسخ دستگاه").fill(ANSWER);
      await resp.page.getByRole("dialog").getByRole("button", { name: "ثبت" }).click();
      await inboxCard.waitFor({ state: "detached", ...WAIT });
      await resp.page.getByRole("tab", { name: "پاسخ‌داده‌شده" }).click();
      const answered = resp.page.locator('[data-testid="request-card"]', { hasText: TITLE });
      await answered.waitFor(WAIT);
      expect(await answered.getAttribute("data-status")).toBe("RESOLVED");
      await resp.page.screenshot({ path: join(ARTIFACTS, "agency-answers-respondent.png"), fullPage: true });

      // The representative sees the answer (after a reload) with its dated history.
      await ngo.page.reload();
      const withAnswer = ngo.page.locator('[data-testid="request-card"]', { hasText: TITLE });
      await withAnswer.locator('[data-testid="request-answer"]', { hasText: ANSWER }).waitFor(WAIT);
      expect(await withAnswer.getAttribute("data-status")).toBe("RESOLVED");

      // 3. The county officer reads the answer on the demand's page; the API agrees on the day and the history.
      const officer = demoUser("COUNTY_OFFICER");
      const officerToken = await login(suite.stack.baseUrl, officer.username, DEMO_PASSWORD);
      const { demands } = await suite.gql<{
        demands: {
          items: {
            id: string;
            respondedOn: string;
            responseDays: number;
            actions: { kind: string; actedOn: string }[];
          }[];
        };
      }>(
        officerToken,
        `query($q: String) { demands(filter: { q: $q }) { items { id respondedOn responseDays actions { kind actedOn } } } }`,
        { q: TITLE },
      );
      expect(demands.items).toHaveLength(1);
      const demand = demands.items[0];
      expect(demand.responseDays).toBe(0);
      expect(demand.actions.map((a) => a.kind)).toEqual(["SUBMITTED", "ACCEPTED"]);
      expect(demand.actions.every((a) => a.actedOn === demand.respondedOn)).toBe(true);
      const county = await signedIn(officer.username);
      await county.page.goto(`${suite.stack.baseUrl}/#/demands/${demand.id}/show`);
      // The answer, and the dated history: submitted by the NGO, answered by the agency's respondent.
      await county.page.getByText(ANSWER, { exact: true }).waitFor(WAIT);
      const history = county.page.locator('[data-testid="request-history"] li');
      expect(await history.allInnerTexts()).toEqual([
        expect.stringContaining("ثبت توسط سمن"),
        expect.stringContaining(`پاسخ: پذیرفته شد (کارشناس پاسخگوی دستگاه): ${ANSWER}`),
      ]);
      await county.page.screenshot({ path: join(ARTIFACTS, "agency-answers-county.png"), fullPage: true });

      expect([...ngo.pageErrors, ...resp.pageErrors, ...county.pageErrors]).toEqual([]);
    },
    240_000,
  );
});
