import { join } from "node:path";
import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { Page } from "playwright-core";
import { ARTIFACTS, browserIt, browserSuiteTitle, demoUser, useBrowserStack, WAIT } from "./browserStack";

/**
 * Managers contest their evidence (issue 15) in real headless Chromium against the real stack (demo data): with the
 * 1404 cycle under review, the demo manager files an objection on a 390 px phone («بازبینی و اعتراض»); the evaluator
 * finds it on «اعتراض‌های مدیران», rejects it with a reason, and the result's page shows it answered, with the
 * indicators that do not apply.
 */
const browserDescribe = browserSuiteTitle("managers' objections in headless Chromium", "objections");

interface ApiResult {
  id: string;
  indicators: { code: string; title: string; applicable: boolean }[];
}

describe(browserDescribe, () => {
  const suite = useBrowserStack("objections_ui");
  const { gql } = suite;

  async function newPage(): Promise<{ page: Page; pageErrors: string[] }> {
    const context = await suite.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    return { page, pageErrors };
  }

  async function signIn(page: Page, username: string) {
    await suite.submitSignIn(page, username);
    await page.locator("a.RaMenuItemLink-root").first().waitFor(WAIT);
  }

  browserIt(
    "the evaluator answers a manager's objection on the objections page; the result shows it and what does not apply",
    async () => {
      const evaluator = demoUser("EVALUATOR");
      const manager = demoUser("MANAGER");
      const evaluatorToken = await login(suite.stack.baseUrl, evaluator.username, DEMO_PASSWORD);
      const managerToken = await login(suite.stack.baseUrl, manager.username, DEMO_PASSWORD);
      const MINE = `{ evaluationResults(filter: { year: 1404 }) { items { id indicators { code title applicable } } } }`;
      // Before review the manager has nothing to see.
      expect(
        (await gql<{ evaluationResults: { items: ApiResult[] } }>(managerToken, MINE)).evaluationResults.items,
      ).toEqual([]);
      await gql(evaluatorToken, `mutation { changeEvaluationCycleState(year: 1404, state: UNDER_REVIEW) { state } }`);
      const [result] = (await gql<{ evaluationResults: { items: ApiResult[] } }>(managerToken, MINE)).evaluationResults
        .items;
      expect(result).toBeDefined();
      const indicator = result.indicators.find((i) => i.code === "REGULARITY")!;

      // The manager files the objection on a 390 px phone, on «بازبینی و اعتراض» (#/my-evaluation).
      const text = "نشست فصل سوم با حضور دو سمن برگزار شد ولی در شواهد نیامده است";
      const phone = await newPage();
      await phone.page.setViewportSize({ width: 390, height: 844 });
      await suite.submitSignIn(phone.page, manager.username);
      await phone.page.getByTestId("home-MANAGER").waitFor(WAIT);
      await phone.page.getByTestId("self-home-myEvaluation").getByRole("link").first().click();
      await phone.page.waitForURL(/#\/my-evaluation/, WAIT);
      const card = phone.page.getByTestId("indicator-REGULARITY");
      await card.waitFor(WAIT);
      await card.getByRole("button", { name: "اعتراض به این شاخص" }).click();
      await phone.page.getByLabel("شرح اعتراض").fill(text);
      await phone.page.getByRole("button", { name: "تأیید" }).click();
      await phone.page.getByTestId("objection-history").getByText(text).waitFor(WAIT);
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await phone.page.screenshot({ path: join(ARTIFACTS, "my-evaluation-objection-390.png"), fullPage: true });
      expect(phone.pageErrors).toEqual([]);
      const filed = await gql<{ evaluationObjections: { items: { text: string; indicatorCode: string }[] } }>(
        managerToken,
        `{ evaluationObjections(filter: { year: 1404 }) { items { text indicatorCode } } }`,
      );
      expect(filed.evaluationObjections.items).toEqual([{ text, indicatorCode: "REGULARITY" }]);

      // The evaluator: the open objections, answered in place.
      const desk = await newPage();
      await signIn(desk.page, evaluator.username);
      await desk.page.goto(`${suite.stack.baseUrl}/#/evaluation/objections`);
      const objection = desk.page.getByTestId("objection").filter({ hasText: text });
      await objection.waitFor(WAIT);
      await objection.getByText(indicator.title).waitFor(WAIT);
      await objection.getByRole("button", { name: "بررسی اعتراض" }).click();
      const reason = "صورت‌جلسه نشست فصل سوم حضور سمن را نشان نمی‌دهد";
      await desk.page.getByLabel("پاسخ ارزیاب (دلیل رد یا آنچه اصلاح شد)").fill(reason);
      await desk.page.getByRole("button", { name: "تأیید" }).click();
      await desk.page.getByText("اعتراضی ثبت نشده است.").waitFor(WAIT); // the open list is empty now
      await desk.page.screenshot({ path: join(ARTIFACTS, "evaluation-objections.png"), fullPage: true });
      const answered = await gql<{ evaluationObjections: { items: { status: string; resolutionNote: string }[] } }>(
        evaluatorToken,
        `{ evaluationObjections(filter: { year: 1404 }) { items { status resolutionNote } } }`,
      );
      expect(answered.evaluationObjections.items).toEqual([{ status: "REJECTED", resolutionNote: reason }]);

      // The result's page keeps the objection in its history, answered; indicators without occasion say so.
      await desk.page.goto(`${suite.stack.baseUrl}/#/evaluationResults/${result.id}/show`);
      const history = desk.page.getByTestId("objection-history");
      await history.getByText(reason).waitFor(WAIT);
      await history.getByText("ردشده").waitFor(WAIT);
      const notApplicable = result.indicators.filter((i) => !i.applicable).length;
      await expect(
        desk.page.getByTestId("indicator-breakdown").getByText("موضوعیت ندارد", { exact: true }).count(),
      ).resolves.toBe(notApplicable);
      await desk.page.screenshot({ path: join(ARTIFACTS, "evaluation-result-objections.png"), fullPage: true });
      expect(desk.pageErrors).toEqual([]);
    },
    240_000,
  );
});
