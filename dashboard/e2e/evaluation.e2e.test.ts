import { join } from "node:path";
import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { Page } from "playwright-core";
import { toPersianDigits } from "../src/common/persianDigits";
import {
  formatScore,
  formatSigned,
  gradeLabel,
  isChanged,
  RUN_PHASE_LABELS,
  type RunChange,
  type WhatIfRow,
} from "../src/evaluation/runs";
import { ARTIFACTS, browserIt, browserSuiteTitle, demoUser, useBrowserStack, WAIT } from "./browserStack";

/**
 * The evaluation screens in real headless Chromium against the real stack (demo data, demo accounts): an evaluator
 * edits the 1404 rubric, starts runs and follows their progress, compares two runs, tries other weights (what-if,
 * nothing saved), reads the scoreboard and one manager's breakdown; other roles do not get these screens.
 */
const browserDescribe = browserSuiteTitle("evaluation screens in headless Chromium", "evaluation");

const RUN_FIELDS =
  "id status phase progress managersScored computedAt finishedAt durationMs failureMessage rubric { code title weight target }";

interface ApiRun {
  id: string;
  status: string;
  phase: string;
  progress: number;
  managersScored: number;
  computedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  failureMessage: string | null;
  rubric: { code: string; title: string; weight: number; target: number }[];
}

describe(browserDescribe, () => {
  const suite = useBrowserStack("evaluation_ui");
  const { gql } = suite;

  async function newPage(): Promise<{
    page: Page;
    failedRequests: string[];
    pageErrors: string[];
    graphqlErrors: string[];
    operations: string[];
  }> {
    const context = await suite.newContext();
    const page = await context.newPage();
    const failedRequests: string[] = [];
    const pageErrors: string[] = [];
    const graphqlErrors: string[] = [];
    const operations: string[] = [];
    page.on("requestfailed", (request) => failedRequests.push(request.url()));
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("request", (request) => {
      if (request.url().endsWith("/graphql")) operations.push(request.postData() ?? "");
    });
    page.on("response", async (response) => {
      if (!response.url().endsWith("/graphql")) return;
      const body = await response.json().catch(() => undefined);
      if (body?.errors?.length)
        graphqlErrors.push(
          `${new Date().toISOString()} ${response.request().postData()?.slice(0, 80)}: ${JSON.stringify(body.errors[0])}`,
        );
    });
    return { page, failedRequests, pageErrors, graphqlErrors, operations };
  }

  async function signIn(page: Page, username: string) {
    await suite.submitSignIn(page, username);
    await page.locator("a.RaMenuItemLink-root").first().waitFor(WAIT);
  }

  const screenshot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
  };

  const graphqlResponse = (page: Page, operation: string, timeout = 30_000) =>
    page.waitForResponse(
      (response) => response.url().endsWith("/graphql") && (response.request().postData() ?? "").includes(operation),
      { timeout },
    );

  const runs = async (token: string) =>
    (
      await gql<{ evaluationRuns: ApiRun[] }>(token, `query($y: Int!) { evaluationRuns(year: $y) { ${RUN_FIELDS} } }`, {
        y: 1404,
      })
    ).evaluationRuns;

  /** Clicks the run button, sees the determinate progress with a Persian phase, and waits until the run SUCCEEDED in the runs table. */
  async function runFromPage(page: Page, shot?: string): Promise<string> {
    const started = graphqlResponse(page, "startEvaluationRun");
    await page.getByRole("button", { name: "اجرای محاسبه امتیازها" }).click();
    const { data, errors } = await (await started).json();
    expect(errors).toBeUndefined();
    expect(data.startEvaluationRun.status).toBe("RUNNING");
    const runId: string = data.startEvaluationRun.id;
    // The returned RUNNING run is shown at once; the first poll comes 700 ms later.
    const progress = page.getByTestId("evaluation-progress");
    await progress.waitFor(WAIT);
    const bar = progress.getByRole("progressbar");
    const value = Number(await bar.getAttribute("aria-valuenow"));
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(100);
    expect(Object.values(RUN_PHASE_LABELS)).toContain(
      (await progress.getByTestId("evaluation-phase").textContent())?.trim(),
    );
    if (shot) await screenshot(page, shot);
    await page
      .locator(`[data-testid="evaluation-runs"] tr[data-run-id="${runId}"][data-status="SUCCEEDED"]`)
      .waitFor({ timeout: 120_000 });
    await progress.waitFor({ state: "detached", timeout: 30_000 });
    return runId;
  }

  browserIt(
    "an evaluator starts runs with progress, compares two runs and tries other weights without saving",
    async () => {
      const evaluator = demoUser("EVALUATOR");
      const token = await login(suite.stack.baseUrl, evaluator.username, DEMO_PASSWORD);
      const { page, failedRequests, pageErrors, graphqlErrors, operations } = await newPage();
      await signIn(page, evaluator.username);

      await page.goto(`${suite.stack.baseUrl}/#/evaluation`);
      await page.getByTestId("cycle-state").waitFor(WAIT);
      await page.getByTestId("weight-sum").getByText("۱۰۰ از ۱۰۰").waitFor(WAIT);
      await expect(page.getByTestId("cycle-state").textContent()).resolves.toContain("باز");

      // Back to draft: the rubric becomes editable and its weight sum is shown live; a sum other than 100 cannot be saved.
      await page.getByRole("button", { name: "بازگشت به پیش‌نویس" }).click();
      await page.getByTestId("cycle-state").getByText("پیش‌نویس").waitFor(WAIT);
      const regularity = page.getByLabel("وزن REGULARITY");
      await regularity.fill("35");
      await page.getByTestId("weight-sum").getByText("۱۰۵ از ۱۰۰").waitFor(WAIT);
      expect(await page.getByRole("button", { name: "ذخیره شاخص‌ها" }).isDisabled()).toBe(true);
      await screenshot(page, "evaluation-rubric-editor.png");
      await regularity.fill("30");
      await page.getByTestId("weight-sum").getByText("۱۰۰ از ۱۰۰").waitFor(WAIT);
      await page.getByRole("button", { name: "باز کردن دوره (مجاز به محاسبه)" }).click();
      await page.getByTestId("cycle-state").getByText("باز (محاسبه مجاز)").waitFor(WAIT);

      // First run: progress, then SUCCEEDED in the runs table (Persian status chip, managers scored), scoreboard refreshed.
      const firstRunId = await runFromPage(page, "evaluation-run-progress.png");
      let apiRuns = await runs(token);
      const first = apiRuns.find((run) => run.id === firstRunId)!;
      expect(first.status).toBe("SUCCEEDED");
      expect(first.progress).toBe(100);
      expect(first.managersScored).toBeGreaterThan(0);
      await page
        .getByText(`محاسبه انجام شد: ${toPersianDigits(first.managersScored)} مدیر`)
        .first()
        .waitFor(WAIT);
      const firstRow = page.locator(`[data-testid="evaluation-runs"] tr[data-run-id="${firstRunId}"]`);
      await expect(firstRow.getByTestId("run-status").textContent()).resolves.toBe("موفق");
      await expect(firstRow.locator("td").nth(4).textContent()).resolves.toBe(toPersianDigits(first.managersScored));
      // Who ran it, by name (not the sign-in name).
      await expect(firstRow.locator("td").nth(6).textContent()).resolves.toBe(evaluator.displayName);
      await page.getByTestId("grade-chart").waitFor(WAIT);
      await page.getByTestId("indicator-averages").locator("tbody tr").first().waitFor(WAIT);
      await screenshot(page, "evaluation-cycle.png");

      // A second run with another target for REGULARITY, so the two runs differ.
      await page.getByRole("button", { name: "بازگشت به پیش‌نویس" }).click();
      await page.getByTestId("cycle-state").getByText("پیش‌نویس").waitFor(WAIT);
      await page.getByLabel("هدف REGULARITY").fill("3");
      await page.getByLabel("وزن REGULARITY").fill("35");
      await page.getByLabel("وزن PROBLEM_FOCUS").fill("10");
      const saved = graphqlResponse(page, "updateEvaluationRubric");
      await page.getByRole("button", { name: "ذخیره شاخص‌ها" }).click();
      expect((await (await saved).json()).errors).toBeUndefined();
      await page.getByRole("button", { name: "باز کردن دوره (مجاز به محاسبه)" }).click();
      await page.getByTestId("cycle-state").getByText("باز (محاسبه مجاز)").waitFor(WAIT);
      const secondRunId = await runFromPage(page);
      apiRuns = await runs(token);
      expect(apiRuns.slice(0, 2).map((run) => run.id)).toEqual([secondRunId, firstRunId]);
      // The runs table lists the API's runs, newest first.
      await page.waitForFunction(
        (ids) =>
          [...document.querySelectorAll('[data-testid="evaluation-runs"] tbody tr')]
            .map((row) => row.getAttribute("data-run-id"))
            .join() === ids,
        apiRuns.map((run) => run.id).join(),
        WAIT,
      );
      await screenshot(page, "evaluation-runs.png");

      // Comparison of the two newest runs (the default): the rows are the API's, in its order.
      const { evaluationRunDiff } = await gql<{ evaluationRunDiff: RunChange[] }>(
        token,
        `query($from: ID!, $to: ID!) { evaluationRunDiff(fromRunId: $from, toRunId: $to) { managerId managerName before after delta gradeBefore gradeAfter changedIndicators } }`,
        { from: firstRunId, to: secondRunId },
      );
      expect(evaluationRunDiff.length).toBeGreaterThan(0);
      expect(evaluationRunDiff.some((change) => change.changedIndicators.includes("REGULARITY"))).toBe(true);
      await page.getByRole("link", { name: "مقایسه دو اجرا" }).click();
      await page.waitForURL(/#\/evaluation\/1404\/compare$/, WAIT);
      const diffRows = page.getByTestId("run-diff").locator("tbody tr");
      await diffRows.first().waitFor(WAIT);
      expect(await diffRows.count()).toBe(Math.min(evaluationRunDiff.length, 50));
      const titles = new Map(apiRuns[0].rubric.map((indicator) => [indicator.code, indicator.title]));
      for (let index = 0; index < Math.min(5, evaluationRunDiff.length); index++) {
        const expected = evaluationRunDiff[index];
        const row = diffRows.nth(index);
        expect(await row.getAttribute("data-manager-id")).toBe(expected.managerId);
        await expect(row.locator("td").first().textContent()).resolves.toBe(expected.managerName);
        await expect(row.locator('[data-cell="before"]').textContent()).resolves.toBe(formatScore(expected.before));
        await expect(row.locator('[data-cell="after"]').textContent()).resolves.toBe(formatScore(expected.after));
        await expect(row.locator('[data-cell="delta"]').textContent()).resolves.toBe(formatSigned(expected.delta));
        await expect(row.locator('[data-cell="grade"]').textContent()).resolves.toBe(
          `${gradeLabel(expected.gradeBefore)}←${gradeLabel(expected.gradeAfter)}`,
        );
        const codes = await row
          .locator('[data-cell="indicators"] [data-code]')
          .evaluateAll((chips) => chips.map((chip) => [chip.getAttribute("data-code"), chip.textContent]));
        expect(codes).toEqual(expected.changedIndicators.map((code) => [code, titles.get(code) ?? code]));
      }
      await page.getByTestId("diff-summary").waitFor(WAIT);
      await screenshot(page, "evaluation-compare.png");
      await page.getByLabel("فقط مدیرانی که تغییر کرده‌اند").check();
      const changed = evaluationRunDiff.filter(isChanged);
      if (changed.length) {
        await page.waitForFunction(
          (count) => document.querySelectorAll('[data-testid="run-diff"] tbody tr').length === count,
          Math.min(changed.length, 50),
          WAIT,
        );
        expect(await diffRows.first().getAttribute("data-manager-id")).toBe(changed[0].managerId);
      }

      // What-if on the newest run: a weight sum other than 100 is refused in Persian without asking the server.
      await page.goto(`${suite.stack.baseUrl}/#/evaluation`);
      await page.getByRole("link", { name: /شبیه‌سازی وزن‌ها/ }).click();
      await page.waitForURL(/#\/evaluation\/1404\/what-if$/, WAIT);
      await page.getByTestId("what-if-not-saved").getByText("ذخیره نمی‌شود", { exact: false }).waitFor(WAIT);
      const rubric = page.getByTestId("what-if-rubric");
      await rubric.getByTestId("weight-sum").getByText("۱۰۰ از ۱۰۰").waitFor(WAIT);
      await rubric.getByLabel("وزن REGULARITY").fill("40");
      await rubric.getByTestId("weight-sum").getByText("۱۰۵ از ۱۰۰").waitFor(WAIT);
      const whatIfRequests = () => operations.filter((body) => body.includes("evaluationWhatIf")).length;
      await page.getByRole("button", { name: "محاسبه فرضی" }).click();
      await page.getByTestId("what-if-refusal").getByText("جمع وزن‌ها باید ۱۰۰ باشد", { exact: false }).waitFor(WAIT);
      expect(whatIfRequests()).toBe(0);
      await screenshot(page, "evaluation-what-if-refused.png");

      // 100.004 passes the dashboard's check (weights to 2 decimals) but not the server's: its message is shown.
      await rubric.getByLabel("وزن FOLLOW_THROUGH").fill("15.004");
      await rubric.getByTestId("weight-sum").getByText("۱۰۰ از ۱۰۰").waitFor(WAIT);
      const refused = graphqlResponse(page, "evaluationWhatIf");
      await page.getByRole("button", { name: "محاسبه فرضی" }).click();
      const refusedBody = await (await refused).json();
      expect(refusedBody.errors[0].extensions.code).toBe("BAD_USER_INPUT");
      const serverMessage: string = refusedBody.errors[0].extensions.fields.find(
        (field: { field: string }) => field.field === "indicators",
      ).message;
      await page.getByRole("alert").getByText(serverMessage).waitFor(WAIT);
      graphqlErrors.splice(0, graphqlErrors.length, ...graphqlErrors.filter((error) => !error.includes(serverMessage)));

      // A valid set: REGULARITY 40 and FOLLOW_THROUGH 15 (the second run has 35/10/15/20…): the table is the API's answer.
      await rubric.getByLabel("وزن FOLLOW_THROUGH").fill("15");
      await rubric.getByTestId("weight-sum").getByText("۱۰۰ از ۱۰۰").waitFor(WAIT);
      const indicators = apiRuns[0].rubric.map((indicator) => ({
        code: indicator.code,
        weight: indicator.code === "REGULARITY" ? 40 : indicator.code === "FOLLOW_THROUGH" ? 15 : indicator.weight,
        target: indicator.target,
      }));
      expect(indicators.reduce((sum, indicator) => sum + indicator.weight, 0)).toBe(100);
      const computed = graphqlResponse(page, "evaluationWhatIf", 60_000);
      await page.getByRole("button", { name: "محاسبه فرضی" }).click();
      const whatIfBody = await (await computed).json();
      expect(whatIfBody.errors).toBeUndefined();
      const { evaluationWhatIf } = await gql<{ evaluationWhatIf: WhatIfRow[] }>(
        token,
        `query($runId: ID!, $indicators: [EvaluationIndicatorInput!]!) { evaluationWhatIf(runId: $runId, indicators: $indicators) {
          managerId managerName positionKind provinceId computedTotal total delta grade provinceRank nationalRank } }`,
        { runId: secondRunId, indicators },
      );
      expect(whatIfBody.data.evaluationWhatIf).toEqual(evaluationWhatIf);
      const whatIfRows = page.getByTestId("what-if-results").locator("tbody tr");
      await whatIfRows.first().waitFor(WAIT);
      expect(await whatIfRows.count()).toBe(Math.min(evaluationWhatIf.length, 50));
      for (const index of [0, 1, 2, Math.min(evaluationWhatIf.length, 50) - 1]) {
        const expected = evaluationWhatIf[index];
        const row = whatIfRows.nth(index);
        expect(await row.getAttribute("data-manager-id")).toBe(expected.managerId);
        await expect(row.locator("td").first().textContent()).resolves.toBe(expected.managerName);
        await expect(row.locator('[data-cell="computedTotal"]').textContent()).resolves.toBe(
          formatScore(expected.computedTotal),
        );
        await expect(row.locator('[data-cell="total"]').textContent()).resolves.toBe(formatScore(expected.total));
        await expect(row.locator('[data-cell="delta"]').textContent()).resolves.toBe(formatSigned(expected.delta));
        expect(await row.locator('[data-cell="grade"]').getAttribute("data-grade")).toBe(expected.grade);
        await expect(row.locator('[data-cell="provinceRank"]').textContent()).resolves.toBe(
          toPersianDigits(expected.provinceRank),
        );
        await expect(row.locator('[data-cell="nationalRank"]').textContent()).resolves.toBe(
          toPersianDigits(expected.nationalRank),
        );
      }
      await expect(page.getByTestId("what-if-summary").textContent()).resolves.toContain(
        `${toPersianDigits(evaluationWhatIf.length)} مدیر`,
      );
      await screenshot(page, "evaluation-what-if.png");
      // Nothing was saved: the cycle's rubric and the runs are unchanged.
      const after = await gql<{ evaluationCycle: { indicators: { code: string; weight: number }[] } }>(
        token,
        `{ evaluationCycle(year: 1404) { indicators { code weight } } }`,
      );
      expect(after.evaluationCycle.indicators.find((indicator) => indicator.code === "REGULARITY")!.weight).toBe(35);
      expect((await runs(token)).length).toBe(apiRuns.length);

      // A run started elsewhere while the page is closed: after a reload the runs table lists it and the page follows it to the end.
      const { startEvaluationRun } = await gql<{ startEvaluationRun: { id: string; status: string } }>(
        token,
        `mutation { startEvaluationRun(year: 1404) { id status } }`,
      );
      expect(startEvaluationRun.status).toBe("RUNNING");
      await page.goto(`${suite.stack.baseUrl}/#/evaluation`);
      const listed = graphqlResponse(page, "EvaluationRuns(");
      await page.reload();
      const listedRuns: ApiRun[] = (await (await listed).json()).data.evaluationRuns;
      // When the list still shows it RUNNING, the page shows its progress (the first poll comes 700 ms later) —
      // unless, on a loaded machine, that first poll already finds it finished before the page has drawn it.
      const runRow = `[data-testid="evaluation-runs"] tr[data-run-id="${startEvaluationRun.id}"]`;
      if (listedRuns.find((run) => run.id === startEvaluationRun.id)?.status === "RUNNING") {
        await page
          .locator(`[data-testid="evaluation-progress"], ${runRow}[data-status="SUCCEEDED"]`)
          .first()
          .waitFor(WAIT);
      }
      await page.locator(`${runRow}[data-status="SUCCEEDED"]`).waitFor({ timeout: 120_000 });

      expect(graphqlErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(failedRequests.filter((url) => !url.startsWith(suite.stack.baseUrl))).toEqual([]);
    },
    300_000,
  );

  browserIt(
    "an evaluator reads the scoreboard and opens one manager's breakdown and adjusts it",
    async () => {
      const evaluator = demoUser("EVALUATOR");
      const { page, failedRequests, pageErrors } = await newPage();
      await signIn(page, evaluator.username);
      expect(await page.locator('a.RaMenuItemLink-root[href="#/evaluationResults"]').count()).toBe(1);
      const token = await login(suite.stack.baseUrl, evaluator.username, DEMO_PASSWORD);
      const latest = (await runs(token)).find((run) => run.status === "SUCCEEDED");
      expect(latest).toBeDefined();
      const { evaluationResults } = await gql<{
        evaluationResults: {
          totalCount: number;
          items: { id: string; managerName: string; indicators: { code: string }[] }[];
        };
      }>(
        token,
        `{ evaluationResults(filter: { year: 1404 }, sort: { field: "total", order: DESC }, limit: 1) { totalCount items { id managerName indicators { code } } } }`,
      );
      expect(evaluationResults.totalCount).toBe(latest!.managersScored);
      const best = evaluationResults.items[0];

      await page.goto(
        `${suite.stack.baseUrl}/#/evaluationResults?filter=${encodeURIComponent(JSON.stringify({ year: 1404 }))}`,
      );
      await page
        .getByText(`(کل: ${toPersianDigits(evaluationResults.totalCount)})`)
        .first()
        .waitFor(WAIT);
      await page.getByTestId("grade-chart").waitFor(WAIT);
      await screenshot(page, "evaluation-scoreboard.png");

      // Search by the manager's family name typed with Arabic ی/ک: the rows are the API's for the same `q`.
      const familyName = best.managerName.split(" ").slice(-1)[0];
      const typed = familyName.replace(/ی/g, "ي").replace(/ک/g, "ك");
      const searched = await gql<{ evaluationResults: { totalCount: number; items: { managerName: string }[] } }>(
        token,
        `query ($q: String) { evaluationResults(filter: { year: 1404, q: $q }, sort: { field: "total", order: DESC }, limit: 25) { totalCount items { managerName } } }`,
        { q: typed },
      );
      expect(searched.evaluationResults.totalCount).toBeGreaterThanOrEqual(1);
      await page.locator('input[name="q"]').fill(typed);
      await page
        .getByText(`(کل: ${toPersianDigits(searched.evaluationResults.totalCount)})`)
        .first()
        .waitFor(WAIT);
      const shownNames = await page.locator(".RaDatagrid-tbody > tr td.column-managerName").allInnerTexts();
      expect(shownNames).toEqual(searched.evaluationResults.items.map((item) => item.managerName));

      await page.locator(".RaDatagrid-tbody > tr").first().getByText(best.managerName, { exact: true }).click();
      await page.waitForURL(new RegExp(`#/evaluationResults/${best.id}/show$`), WAIT);
      const breakdown = page.getByTestId("indicator-breakdown");
      await breakdown.waitFor(WAIT);
      expect(await breakdown.locator("tbody tr").count()).toBe(best.indicators.length);
      await page
        .getByRole("button", { name: /شمرده‌شده/ })
        .first()
        .click();
      await page.getByTestId("evidence-counted").first().waitFor(WAIT);
      // An adjustment with its justification is shown beside the computed score, never over it.
      await page.getByRole("button", { name: "تعدیل امتیاز" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.locator('input[name="points"]').fill("5");
      await dialog.locator('textarea[name="justification"]').fill("نشست فصل سوم با مدرک صورتجلسه تأیید شد");
      const adjusted = graphqlResponse(page, "adjustEvaluationScore");
      await dialog.getByRole("button", { name: "تأیید" }).click();
      expect((await (await adjusted).json()).errors).toBeUndefined();
      // The dialog (whose field holds the same text) closes first; then the justification is on the page.
      await dialog.waitFor({ ...WAIT, state: "hidden" });
      await page.getByRole("cell", { name: "نشست فصل سوم با مدرک صورتجلسه تأیید شد" }).waitFor(WAIT);
      await page.getByRole("cell", { name: evaluator.displayName, exact: true }).waitFor(WAIT);
      await page.getByText("با تعدیل").waitFor(WAIT);
      await screenshot(page, "evaluation-manager-breakdown.png");

      expect(pageErrors).toEqual([]);
      expect(failedRequests.filter((url) => !url.startsWith(suite.stack.baseUrl))).toEqual([]);
    },
    180_000,
  );

  browserIt(
    "a province officer reads the cycle but gets no run button, comparison or what-if",
    async () => {
      const officer = demoUser("PROVINCE_OFFICER");
      const { page, pageErrors } = await newPage();
      await signIn(page, officer.username);
      await page.goto(`${suite.stack.baseUrl}/#/evaluation`);
      await page.getByTestId("cycle-state").waitFor(WAIT);
      expect(await page.getByRole("button", { name: "اجرای محاسبه امتیازها" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "مقایسه دو اجرا" }).count()).toBe(0);
      for (const screen of ["compare", "what-if"]) {
        await page.goto(`${suite.stack.baseUrl}/#/evaluation/1404/${screen}`);
        await page.getByText("این صفحه فقط برای ارزیابان و مدیران سامانه است.").waitFor(WAIT);
      }
      expect(pageErrors).toEqual([]);
    },
    120_000,
  );
});
