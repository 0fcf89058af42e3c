import { join } from "node:path";
import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { Page } from "playwright-core";
import { ARTIFACTS, browserIt, browserSuiteTitle, demoUser, useBrowserStack, WAIT } from "./browserStack";

/**
 * The analysts' GraphiQL at /graphiql in headless Chromium: bundled (nothing from another host), signed in with the
 * dashboard's session, runs queries with the user's territory, has the docs explorer, history and saved queries.
 */
describe(browserSuiteTitle("GraphiQL in headless Chromium", "GraphiQL"), () => {
  const suite = useBrowserStack("graphiql");

  async function newPage(): Promise<{ page: Page; foreign: string[]; consoleErrors: string[] }> {
    const page = await (await suite.newContext()).newPage();
    const foreign: string[] = [];
    const consoleErrors: string[] = [];
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(suite.stack.baseUrl) && !url.startsWith("blob:") && !url.startsWith("data:"))
        foreign.push(url);
    });
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    return { page, foreign, consoleErrors };
  }

  async function signIn(page: Page, username: string) {
    await suite.submitSignIn(page, username);
    await page.waitForFunction(
      () =>
        localStorage.getItem("hamafza.token") !== null ||
        Object.keys(localStorage).some((k) => k.startsWith("hamafza")),
      undefined,
      WAIT,
    );
  }

  browserIt(
    "sends a visitor without a session to the sign-in form",
    async () => {
      const { page } = await newPage();
      await page.goto(`${suite.stack.baseUrl}/graphiql`);
      await page.getByLabel("نام کاربری").waitFor(WAIT);
      expect(page.url()).toMatch(/#\/login$/);
    },
    90_000,
  );

  browserIt(
    "runs a query as the signed-in officer, with the docs explorer, history and saved queries, all bundled",
    async () => {
      const officer = demoUser("PROVINCE_OFFICER");
      const { page, foreign, consoleErrors } = await newPage();
      await signIn(page, officer.username);
      // GraphiQL reads the schema (introspection, with the user's token) before it runs anything.
      const schemaLoaded = page.waitForResponse(
        (response) => response.url().endsWith("/graphql") && /__schema/.test(response.request().postData() ?? ""),
        WAIT,
      );
      await page.goto(`${suite.stack.baseUrl}/graphiql`);
      await page.locator(".graphiql-container").waitFor(WAIT);
      await schemaLoaded;
      // Monaco has rendered the default query.
      await page.locator(".graphiql-query-editor .view-lines").getByText("counties").waitFor(WAIT);

      // Run the default query (Zanjan with its counties).
      const answer = page.waitForResponse(
        (response) =>
          response.url().endsWith("/graphql") && response.request().postData()?.includes("counties") === true,
      );
      await page.locator(".graphiql-execute-button").click();
      const response = await answer;
      expect(response.status()).toBe(200);
      expect(response.request().headers().authorization).toMatch(/^Bearer /);
      await page.locator(".graphiql-response").getByText("ابهر").first().waitFor(WAIT);

      // The docs explorer knows the schema.
      await page.getByRole("button", { name: /Documentation Explorer/i }).click();
      await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: false }).first().waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "graphiql-docs.png") });

      // History lists the query just run.
      await page.getByRole("button", { name: /History/i }).click();
      await page.locator(".graphiql-history-item").first().waitFor(WAIT);

      // Save it; the API lists it as the officer's own.
      await page.getByRole("button", { name: /پرسش‌های ذخیره‌شده/ }).click();
      await page.getByLabel("نام پرسش").fill("شهرستان‌های زنجان");
      await page.getByRole("button", { name: "ذخیرهٔ پرسش فعلی" }).click();
      await page.getByRole("status").filter({ hasText: "ذخیره شد" }).waitFor(WAIT);
      await page.getByRole("button", { name: "شهرستان‌های زنجان", exact: true }).waitFor(WAIT);
      const token = await login(suite.stack.baseUrl, officer.username, DEMO_PASSWORD);
      const { savedQueries } = await suite.gql(token, `{ savedQueries { items { name query mine } } }`);
      expect(savedQueries.items).toEqual([
        { name: "شهرستان‌های زنجان", query: expect.stringContaining("counties"), mine: true },
      ]);
      await page.screenshot({ path: join(ARTIFACTS, "graphiql-saved.png") });

      expect(foreign).toEqual([]);
      expect(consoleErrors.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
    },
    120_000,
  );
});
