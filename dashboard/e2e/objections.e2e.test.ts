import { join } from "node:path";
import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { Page } from "playwright-core";
import { ARTIFACTS, browserIt, browserSuiteTitle, demoUser, useBrowserStack, WAIT } from "./browserStack";

/**
 * Managers contest their evidence (issue 15) in real headless Chromium against the real stack (demo data): with the
 * 1404 cycle under review, the demo manager opens «ارزیابی من» on a 390 px phone screen, reads an indicator's
 * evidence and files an objection; the evaluator finds it on «اعتراض‌های مدیران» and rejects it with a reason; the
 * manager sees the answer.
 */
const browserDescribe = browserSuiteTitle("managers' objections in headless Chromium", "objections");

interface ApiResult {
  id: string;
  indicators: { code: string; title: string; applicable: boolean }[];
}

describe(browserDescribe, () => {
  const suite = useBrowserStack("objections_ui");
  const { gql } = suite;

  async function newPage(phone = false): Promise<{ page: Page; pageErrors: string[] }> {
    const context = await suite.newContext();
    const page = await context.newPage();
    if (phone) await page.setViewportSize({ width: 390, height: 844 });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    return { page, pageErrors };
  }

  async function signIn(page: Page, username: string) {
    await page.goto(`${suite.stack.baseUrl}/#/login`);
    await page.getByLabel("نام کاربری").fill(username);
    await page.getByLabel("گذرواژه").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ورود" }).click();
    await page.locator("a.RaMenuItemLink-root").first().waitFor(WAIT);
  }

  browserIt(
    "a manager objects on a phone, the evaluator rejects it with a reason, the manager reads the answer",
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

      // The manager, on a 390 px screen: the result page, one card per indicator, evidence, the objection form.
      const phone = await newPage(true);
      await signIn(phone.page, manager.username);
      await phone.page.goto(`${suite.stack.baseUrl}/#/my-evaluation`);
      const card = phone.page.getByTestId("indicator-REGULARITY");
      await card.waitFor(WAIT);
      await phone.page.getByTestId("my-total").waitFor(WAIT);
      for (const i of result.indicators.filter((x) => !x.applicable))
        await phone.page.getByTestId(`indicator-${i.code}`).getByText("موضوعیت ندارد").waitFor(WAIT);
      // Nothing wider than the phone.
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await card.getByRole("button", { name: "اعتراض به این شاخص" }).click();
      const text = "نشست فصل سوم با حضور دو سمن برگزار شد ولی در شواهد نیامده است";
      await phone.page.getByLabel("شرح اعتراض").fill(text);
      await phone.page.getByRole("button", { name: "تأیید" }).click();
      await phone.page.getByTestId("objection-history").getByText(text).waitFor(WAIT);
      await phone.page.getByTestId("objection-history").getByText("در انتظار بررسی").waitFor(WAIT);
      await phone.page.screenshot({ path: join(ARTIFACTS, "my-evaluation-phone.png"), fullPage: true });

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

      // The manager reads the answer.
      await phone.page.reload();
      await phone.page.getByTestId("objection-history").getByText(reason).waitFor(WAIT);
      await phone.page.getByTestId("objection-history").getByText("ردشده").waitFor(WAIT);
      expect([...phone.pageErrors, ...desk.pageErrors]).toEqual([]);
    },
    240_000,
  );
});
