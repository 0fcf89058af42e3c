import { join } from "node:path";
import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { Page } from "playwright-core";
import { formatJalali } from "../src/common/jalali";
import { toPersianDigits } from "../src/common/persianDigits";
import { jalaliMonthOfIso, monthParam, monthTitle } from "../src/meetings/calendarMonth";
import { ARTIFACTS, browserIt, browserSuiteTitle, demoUser, useBrowserStack, WAIT } from "./browserStack";

/**
 * The engagement screens in real headless Chromium against the real stack (demo data, demo accounts): a county
 * officer's meetings of a Jalali quarter with a meeting's attendance and resolutions. The evaluation screens are
 * in evaluation.e2e.test.ts.
 */
const browserDescribe = browserSuiteTitle("engagement screens in headless Chromium", "engagement");

interface DemoMeeting {
  id: string;
  title: string;
  scheduledAt: string;
  jalaliQuarter: number;
  attendance: { ngo: { name: string } | null; licenceFlagged: boolean | null }[];
  resolutions: { text: string }[];
}

describe(browserDescribe, () => {
  const suite = useBrowserStack("engagement_ui");
  const { gql } = suite;

  async function newPage(): Promise<{ page: Page; failedRequests: string[]; pageErrors: string[] }> {
    const context = await suite.newContext();
    const page = await context.newPage();
    const failedRequests: string[] = [];
    const pageErrors: string[] = [];
    page.on("requestfailed", (request) => failedRequests.push(request.url()));
    page.on("pageerror", (error) => pageErrors.push(error.message));
    return { page, failedRequests, pageErrors };
  }

  async function signIn(page: Page, username: string) {
    await suite.submitSignIn(page, username);
    await page.locator("a.RaMenuItemLink-root").first().waitFor(WAIT);
  }

  const menuLink = (page: Page, resource: string) => page.locator(`a.RaMenuItemLink-root[href="#/${resource}"]`);
  const filterUrl = (resource: string, filter: Record<string, unknown>) =>
    `${suite.stack.baseUrl}/#/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

  browserIt(
    "a county officer lists the meetings of a Jalali quarter and opens one with its attendance and resolutions",
    async () => {
      const officer = demoUser("COUNTY_OFFICER");
      const token = await login(suite.stack.baseUrl, officer.username, DEMO_PASSWORD);
      const { meetings } = await gql<{ meetings: { items: DemoMeeting[] } }>(
        token,
        `{ meetings(filter: { jalaliYear: 1404 }, sort: { field: "scheduledAt", order: ASC }, limit: 200) {
          items { id title scheduledAt jalaliQuarter attendance { ngo { name } licenceFlagged } resolutions { text } } } }`,
      );
      // A meeting with a flagged attendee (licence not valid on the meeting date) when the demo has one.
      const withResolutions = meetings.items.filter(
        (item) => item.attendance.length > 0 && item.resolutions.length > 0,
      );
      const meeting =
        withResolutions.find((item) => item.attendance.some((row) => row.licenceFlagged)) ?? withResolutions[0];
      expect(meeting).toBeDefined();
      const quarter = meeting!.jalaliQuarter;
      const inQuarter = await gql<{ meetings: { totalCount: number; items: { title: string }[] } }>(
        token,
        `query($q: Int!) { meetings(filter: { jalaliYear: 1404, jalaliQuarter: $q }, limit: 200) { totalCount items { title } } }`,
        { q: quarter },
      );
      expect(inQuarter.meetings.items.map((item) => item.title)).toContain(meeting!.title);

      const { page, failedRequests, pageErrors } = await newPage();
      await signIn(page, officer.username);
      for (const resource of [
        "meetings",
        "resolutions",
        "workingGroups",
        "projects",
        "proposals",
        "demands",
        "evaluationResults",
      ]) {
        expect(await menuLink(page, resource).count()).toBe(1);
      }
      // Everyone reads the social-harm catalogue (only administrators change it); evaluation cycles are readable too.
      expect(await menuLink(page, "socialHarms").count()).toBe(1);

      await page.goto(filterUrl("meetings", { jalaliYear: 1404, jalaliQuarter: quarter }));
      await page.getByText(meeting!.title, { exact: true }).first().waitFor(WAIT);
      await page
        .getByText(`(کل: ${toPersianDigits(inQuarter.meetings.totalCount)})`)
        .first()
        .waitFor(WAIT);
      // The quarter filter shows the quarter chosen, in Persian.
      await page
        .getByText(`فصل ${toPersianDigits(quarter)})`)
        .first()
        .waitFor(WAIT);
      expect(await page.locator(".RaDatagrid-tbody > tr").count()).toBe(Math.min(inQuarter.meetings.totalCount, 25));
      await page.screenshot({ path: join(ARTIFACTS, "engagement-meetings-quarter.png"), fullPage: true });

      await page.getByText(meeting!.title, { exact: true }).first().click();
      await page.waitForURL(new RegExp(`#/meetings/${meeting!.id}/show$`), WAIT);
      const attendance = page.getByTestId("meeting-attendance");
      await attendance.getByText(meeting!.attendance[0].ngo!.name).first().waitFor(WAIT);
      expect(await attendance.locator("tbody tr").count()).toBe(meeting!.attendance.length);
      expect(await attendance.getByTestId("licence-flag").count()).toBe(
        meeting!.attendance.filter((row) => row.licenceFlagged).length,
      );
      const resolutions = page.getByTestId("meeting-resolutions");
      for (const resolution of meeting!.resolutions) await resolutions.getByText(resolution.text).first().waitFor(WAIT);
      // Officers edit the agenda and resolutions right there.
      await resolutions.getByRole("button", { name: "افزودن مصوبه" }).waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "engagement-meeting-show.png"), fullPage: true });

      // An agenda item added on the meeting's page.
      const agenda = page.getByTestId("meeting-agenda");
      await agenda.getByRole("button", { name: "افزودن دستور جلسه" }).click();
      await page.getByRole("dialog").locator('input[name="topic"]').fill("هماهنگی سمن‌ها برای پایش محلات آسیب‌خیز");
      const created = page.waitForResponse(
        (response) =>
          response.url().endsWith("/graphql") && (response.request().postData() ?? "").includes("createAgendaItem"),
      );
      await page.getByRole("dialog").getByRole("button", { name: "تأیید" }).click();
      expect((await (await created).json()).errors).toBeUndefined();
      await agenda.getByText("هماهنگی سمن‌ها برای پایش محلات آسیب‌خیز").waitFor(WAIT);

      // The edit form round-trips the meeting with its attendance and officials (the Jalali day shown, saved unchanged).
      await page.goto(`${suite.stack.baseUrl}/#/meetings/${meeting!.id}`);
      await page.locator('input[name="scheduledAt.day"]').waitFor(WAIT);
      expect(await page.locator('input[name="scheduledAt.day"]').inputValue()).toBe(formatJalali(meeting!.scheduledAt));
      await page.screenshot({ path: join(ARTIFACTS, "engagement-meeting-edit.png"), fullPage: true });
      const minutes = page.locator('textarea[name="minutes"]');
      await minutes.fill(`${await minutes.inputValue()} بازبینی شد.`);
      const updated = page.waitForResponse(
        (response) =>
          response.url().endsWith("/graphql") && (response.request().postData() ?? "").includes("updateMeeting"),
      );
      await page.getByRole("button", { name: "ذخیره" }).first().click();
      const update = await (await updated).json();
      expect(update.errors).toBeUndefined();
      expect(update.data.data.attendance).toHaveLength(meeting!.attendance.length);
      await page.waitForURL(new RegExp(`#/meetings/${meeting!.id}/show$`), WAIT);

      // The follow-up board lists overdue resolutions first.
      await page.goto(`${suite.stack.baseUrl}/#/resolutions`);
      await page.getByTestId("overdue-resolutions").getByText("مصوبه‌های معوق").waitFor(WAIT);
      await page.locator(".RaDatagrid-tbody > tr").first().waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "engagement-resolution-board.png"), fullPage: true });

      expect(pageErrors).toEqual([]);
      expect(failedRequests.filter((url) => !url.startsWith(suite.stack.baseUrl))).toEqual([]);
    },
    150_000,
  );

  browserIt(
    "a county officer finds a meeting on the Jalali month calendar and among its chair's meetings",
    async () => {
      const officer = demoUser("COUNTY_OFFICER");
      const token = await login(suite.stack.baseUrl, officer.username, DEMO_PASSWORD);
      const { meetings } = await gql<{
        meetings: { items: { id: string; title: string; chairId: string | null; meetingDate: string }[] };
      }>(
        token,
        `{ meetings(filter: { jalaliYear: 1404 }, sort: { field: "scheduledAt", order: ASC }, limit: 200) { items { id title chairId meetingDate } } }`,
      );
      const meeting = meetings.items.find((item) => item.chairId) ?? meetings.items[0];
      expect(meeting).toBeDefined();
      const month = jalaliMonthOfIso(meeting!.meetingDate);

      const { page, failedRequests, pageErrors } = await newPage();
      await signIn(page, officer.username);
      expect(await page.locator('a.RaMenuItemLink-root[href="#/meetings/calendar"]').count()).toBe(1);
      await page.goto(`${suite.stack.baseUrl}/#/meetings`);
      await page.getByRole("button", { name: "تقویم" }).click();
      await page.waitForURL(/#\/meetings\/calendar/, WAIT);
      await page.getByText("شنبه", { exact: true }).first().waitFor(WAIT);

      await page.goto(`${suite.stack.baseUrl}/#/meetings/calendar?month=${monthParam(month)}`);
      const calendar = page.getByTestId("meeting-calendar");
      await calendar.getByTestId("calendar-month").getByText(monthTitle(month)).waitFor(WAIT);
      const link = calendar.getByRole("link", { name: meeting!.title, exact: true }).first();
      await link.waitFor(WAIT);
      expect(await link.getAttribute("href")).toBe(`#/meetings/${meeting!.id}/show`);
      await page.screenshot({ path: join(ARTIFACTS, "engagement-meeting-calendar.png"), fullPage: true });

      if (meeting!.chairId) {
        const { meetings: chaired } = await gql<{ meetings: { items: { title: string }[] } }>(
          token,
          `query($chairId: ID!) { meetings(filter: { chairId: $chairId }, sort: { field: "scheduledAt", order: DESC }, limit: 1) { items { title } } }`,
          { chairId: meeting!.chairId },
        );
        await page.goto(`${suite.stack.baseUrl}/#/managers/${meeting!.chairId}/show`);
        await page.getByText("نشست‌هایی که ریاست کرده است").waitFor(WAIT);
        await page.getByText(chaired.items[0].title, { exact: true }).first().waitFor(WAIT);
        await page.screenshot({ path: join(ARTIFACTS, "engagement-manager-show.png"), fullPage: true });
      }

      expect(pageErrors).toEqual([]);
      expect(failedRequests.filter((url) => !url.startsWith(suite.stack.baseUrl))).toEqual([]);
    },
    150_000,
  );

  browserIt(
    "the engagement lists and record pages open without errors for a province officer",
    async () => {
      const officer = demoUser("PROVINCE_OFFICER");
      const { page, failedRequests, pageErrors } = await newPage();
      const graphqlErrors: string[] = [];
      page.on("response", async (response) => {
        if (!response.url().endsWith("/graphql")) return;
        const body = await response.json().catch(() => undefined);
        if (body?.errors?.length)
          graphqlErrors.push(`${response.request().postData()?.slice(0, 80)}: ${body.errors[0].message}`);
      });
      await signIn(page, officer.username);
      for (const resource of ["resolutions", "workingGroups", "projects", "proposals", "demands", "socialHarms"]) {
        await page.goto(`${suite.stack.baseUrl}/#/${resource}`);
        const firstRow = page.locator(".RaDatagrid-tbody > tr").first();
        await firstRow.waitFor(WAIT);
        if (resource === "socialHarms") continue; // administrators edit the catalogue; others only list it
        await firstRow.locator("td").first().click();
        await page.waitForURL(new RegExp(`#/${resource}/[^/]+/show$`), WAIT);
        await page.locator(".MuiCard-root").first().waitFor(WAIT);
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: join(ARTIFACTS, `engagement-${resource}-show.png`), fullPage: true });
      }
      expect(graphqlErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(failedRequests.filter((url) => !url.startsWith(suite.stack.baseUrl))).toEqual([]);
    },
    180_000,
  );
});
