import { readFileSync } from "node:fs";
import { join } from "node:path";
import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { Page } from "playwright-core";
import { currentJalaliQuarter } from "../src/home/period";
import { ARTIFACTS, browserIt, browserSuiteTitle, demoUser, useBrowserStack, WAIT } from "./browserStack";

/**
 * The home page of each role in headless Chromium against the demo stack: its numbers are the API's for the same
 * user, and a click opens the list behind a number with its filter (the list's total is the number again).
 */
const persian = (value: number) => new Intl.NumberFormat("fa-IR").format(value);

describe(browserSuiteTitle("per-role homes in headless Chromium", "home"), () => {
  const suite = useBrowserStack("home");
  const { gql } = suite;
  const period = currentJalaliQuarter();

  /** Signs the role's demo user in (a fresh profile) and waits for their home; also returns their API token. */
  async function home(role: string): Promise<{ page: Page; token: string; user: ReturnType<typeof demoUser> }> {
    const user = demoUser(role);
    const page = await (await suite.newContext()).newPage();
    await suite.submitSignIn(page, user.username);
    await page.getByTestId(`home-${role}`).waitFor(WAIT);
    await page.getByTestId("period-picker").waitFor(WAIT);
    return { page, token: await login(suite.stack.baseUrl, user.username, DEMO_PASSWORD), user };
  }

  /** The list opened by a click shows the same total. */
  async function expectListTotal(page: Page, resource: string, total: number) {
    await page.waitForURL(new RegExp(`#/${resource}\\?filter=`), WAIT);
    if (total > 0)
      await page
        .getByText(`(کل: ${persian(total)})`)
        .first()
        .waitFor(WAIT);
  }

  browserIt(
    "county officer: overdue resolutions, this quarter's meeting and NGOs never engaged as the API counts them",
    async () => {
      const { page, token } = await home("COUNTY_OFFICER");
      const api = await gql(
        token,
        `query($year: Int!) { resolutions(filter: { overdue: true }, limit: 1) { totalCount }
           ngosWithoutEngagement(year: $year) { id } }`,
        { year: period.year },
      );
      const overdueCard = page.locator(".MuiCard-root").filter({ hasText: "مصوبات معوق" }).first();
      await overdueCard.getByText(persian(api.resolutions.totalCount), { exact: true }).waitFor(WAIT);
      await page.getByTestId("home-quarter-meeting").waitFor(WAIT);
      await page
        .getByTestId("home-never-engaged-count")
        .filter({ hasText: `${persian(api.ngosWithoutEngagement.length)} سمن` })
        .waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "home-county-officer.png"), fullPage: true });

      await overdueCard.click();
      await expectListTotal(page, "resolutions", api.resolutions.totalCount);
      expect(JSON.parse(new URL(page.url().replace("#/", "")).searchParams.get("filter")!)).toEqual({ overdue: true });
    },
    120_000,
  );

  browserIt(
    "province officer: counties without this quarter's meeting and NGOs by field as the API counts them; a click opens the list",
    async () => {
      const { page, token, user } = await home("PROVINCE_OFFICER");
      const api = await gql(
        token,
        `query($year: Int!, $quarter: Int!, $p: ID) {
           countiesWithoutProblemCentredMeeting(year: $year, quarter: $quarter, provinceId: $p) { id }
           ngoCounts(groupBy: FIELD, filter: { provinceId: $p }) { key count } }`,
        { ...period, p: user.provinceId },
      );
      const without = api.countiesWithoutProblemCentredMeeting.length;
      await page
        .getByTestId("home-without-meeting-value")
        .filter({ hasText: persian(without) })
        .waitFor(WAIT);
      await page.getByTestId("meeting-heat-table").waitFor(WAIT);
      const [largest] = api.ngoCounts as { key: string; count: number }[];
      const cell = page.getByTestId(`chart-field-${largest.key}`);
      await cell.filter({ hasText: persian(largest.count) }).waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "home-province-officer.png"), fullPage: true });

      await cell.getByRole("link").click();
      await expectListTotal(page, "ngos", largest.count);
      expect(JSON.parse(new URL(page.url().replace("#/", "")).searchParams.get("filter")!)).toEqual({
        provinceId: user.provinceId,
        fieldId: largest.key,
      });
    },
    120_000,
  );

  browserIt(
    "evaluator: the year's results and grade distribution as the API counts them; a grade opens its results",
    async () => {
      const { page, token } = await home("EVALUATOR");
      // The demo data's cycle is 1404: chosen with the period picker.
      await page.getByTestId("period-picker").getByRole("combobox").first().click();
      await page.getByRole("option", { name: "۱۴۰۴", exact: true }).click();
      const year = 1404;
      const api = await gql(
        token,
        `query($year: Int!) { evaluationResults(filter: { year: $year }, limit: 1) { totalCount }
           evaluationGradeDistribution(filter: { year: $year }) { grade count } }`,
        { year },
      );
      expect(api.evaluationResults.totalCount).toBeGreaterThan(0);
      await page
        .getByTestId("home-results-value")
        .filter({ hasText: persian(api.evaluationResults.totalCount) })
        .waitFor(WAIT);
      const grades = api.evaluationGradeDistribution as { grade: string; count: number }[];
      for (const { grade, count } of grades)
        await page
          .getByTestId(`chart-grades-${grade}`)
          .filter({ hasText: persian(count) })
          .waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "home-evaluator.png"), fullPage: true });
      const graded = grades.find((row) => row.count > 0)!;
      await page.getByTestId(`chart-grades-${graded.grade}`).getByRole("link").click();
      await page.waitForURL(/#\/evaluationResults\?filter=/, WAIT);
      expect(JSON.parse(new URL(page.url().replace("#/", "")).searchParams.get("filter")!)).toEqual({
        year,
        grade: graded.grade,
      });
    },
    120_000,
  );

  browserIt(
    "analyst: NGOs by province as the API counts them; a province opens its NGOs; the monthly rhythm screen",
    async () => {
      const { page, token } = await home("ANALYST");
      const api = await gql(token, `{ ngoCounts(groupBy: PROVINCE) { key count } }`);
      const [largest] = api.ngoCounts as { key: string; count: number }[];
      const cell = page.getByTestId(`chart-provinces-${largest.key}`);
      await cell.filter({ hasText: persian(largest.count) }).waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "home-analyst.png"), fullPage: true });
      await cell.getByRole("link").click();
      await expectListTotal(page, "ngos", largest.count);

      // The monthly rhythm of NGO exchange meetings in 1404 (the demo data's year): twelve Jalali months, as the API
      // answers, on screen and in the CSV the export button downloads.
      const rhythm = (await gql(token, `{ meetingMonthlyRhythm(year: 1404) { month held } }`)).meetingMonthlyRhythm as {
        month: number;
        held: number;
      }[];
      expect(rhythm.some((row) => row.held > 0)).toBe(true);
      await page.goto(`${suite.stack.baseUrl}/#/analytics/meetingRhythm?year=1404`);
      const table = page.getByTestId("report-table");
      await table.waitFor(WAIT);
      await page.getByText("فروردین", { exact: true }).first().waitFor(WAIT);
      expect(await table.locator("tbody tr").count()).toBe(12);
      // The screen first shows the year in the address once its answer is in: wait for a month with meetings.
      const busy = rhythm.findIndex((row) => row.held > 0);
      await table
        .locator("tbody tr")
        .nth(busy)
        .locator("td:nth-child(3)", { hasText: persian(rhythm[busy].held) })
        .waitFor(WAIT);
      expect(await table.locator("tbody tr td:nth-child(3)").allTextContents()).toEqual(
        rhythm.map((row) => persian(row.held)),
      );
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "خروجی CSV" }).click();
      const file = await (await download).path();
      const text = readFileSync(file!, "utf8");
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const rows = text
        .slice(1)
        .trim()
        .split(/\r?\n/)
        .map((line) => line.split(","));
      expect(rows[0][0]).toBe("ماه");
      expect(rows[0][2]).toBe("برگزارشده");
      expect(rows.slice(1).map((row) => [Number(row[0]), Number(row[2])])).toEqual(
        rhythm.map((row) => [row.month, row.held]),
      );
      await page.screenshot({ path: join(ARTIFACTS, "analytics-meeting-rhythm.png"), fullPage: true });
    },
    120_000,
  );
});
