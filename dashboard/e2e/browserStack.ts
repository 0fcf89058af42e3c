import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { bearer, postGraphQL } from "@hamafza/common";
import { DEMO_PASSWORD, demoUsers } from "@hamafza/identity";
import { DASHBOARD_DIST, InProcessStack, prepareTestDatabase, REPO_ROOT, startInProcessStack } from "@hamafza/infra";
import { Browser, BrowserContext, chromium, Page } from "playwright-core";

/**
 * What the dashboard's browser tests share: Debian's Chromium (`apt-get install -y chromium`; Playwright never
 * downloads a browser here), the real stack on a demo database, and a fresh browser profile per user.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const ARTIFACTS = join(REPO_ROOT, "test-artifacts");
export const WAIT = { timeout: 30_000 };

export const browserIt = hasChromium ? it : it.skip;

export const demoUser = (role: string) => {
  const user = demoUsers.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  return user;
};

/** The suite's describe title; without Chromium, a warning (an error in CI) and a title saying it is skipped. */
export function browserSuiteTitle(title: string, what: string): string {
  if (hasChromium) return title;
  const message = `Chromium is missing at ${CHROMIUM}: the ${what} browser test cannot run. Install it with \`apt-get install -y chromium\`.`;
  if (process.env.CI === "true") throw new Error(message);
  console.warn(`\n\n!!! ${message} !!!\n`);
  return `SKIPPED — Chromium missing at ${CHROMIUM} (apt-get install -y chromium)`;
}

/** Collects every GraphQL error the page's `/graphql` answers carry, as "CODE: message", from now on. */
export function graphQLErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on("response", async (response) => {
    if (!response.url().endsWith("/graphql")) return;
    const body = await response.json().catch(() => undefined);
    for (const error of body?.errors ?? []) errors.push(`${error.extensions?.code}: ${error.message}`);
  });
  return errors;
}

export interface BrowserStack {
  /** The running stack (set in beforeAll). */
  readonly stack: InProcessStack;
  /** The suite's demo database (its service URLs), for tests that prepare data behind the stack's back. */
  readonly database: Awaited<ReturnType<typeof prepareTestDatabase>>;
  /** A fresh browser profile (empty localStorage), closed after the suite. */
  newContext(): Promise<BrowserContext>;
  /** A GraphQL call through the gateway with a user's token; throws on errors. */
  gql<T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Opens the sign-in page and submits it (the demo password unless another is given); the caller waits for what follows. */
  submitSignIn(page: Page, username: string, password?: string): Promise<void>;
}

/** Starts the stack on a fresh demo database and Chromium before the suite, and stops both after it (call inside describe). */
export function useBrowserStack(databaseName: string): BrowserStack {
  let database: Awaited<ReturnType<typeof prepareTestDatabase>> | undefined;
  let stack: InProcessStack | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!hasChromium) return;
    if (!existsSync(join(DASHBOARD_DIST, "index.html")))
      throw new Error("dashboard/dist is missing: `npm test` builds it first (npm run build).");
    database = await prepareTestDatabase(databaseName, { demo: true });
    stack = await startInProcessStack(database);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
    await database?.drop();
  });

  const started = () => {
    if (!stack) throw new Error("the stack is not started");
    return stack;
  };

  return {
    get stack() {
      return started();
    },
    get database() {
      if (!database) throw new Error("the database is not prepared");
      return database;
    },
    async newContext() {
      if (!browser) throw new Error("the browser is not started");
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "fa-IR" });
      contexts.push(context);
      return context;
    },
    async submitSignIn(page: Page, username: string, password = DEMO_PASSWORD) {
      await page.goto(`${started().baseUrl}/#/login`);
      await page.getByLabel("نام کاربری").fill(username);
      await page.getByLabel("گذرواژه").fill(password);
      await page.getByRole("button", { name: "ورود" }).click();
    },
    async gql<T = any>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const result = await postGraphQL<T>(started().gatewayUrl, query, variables, bearer(token));
      if (result.errors?.length) throw new Error(`GraphQL: ${result.errors.map((error) => error.message).join("; ")}`);
      return result.data!;
    },
  };
}
