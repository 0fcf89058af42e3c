import { existsSync, mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { dropProvisionedDatabase, postGraphQL, testAdminUrl } from "@hamafza/common";
import { DASHBOARD_DIST, InProcessStack, prepareDatabase, REPO_ROOT, startInProcessStack } from "@hamafza/infra";
import { demoNgoId } from "@hamafza/registry";
import { Browser, chromium } from "playwright-core";
import { toPersianDigits } from "../src/common/persianDigits";

/**
 * The dashboard in real headless Chromium against the real stack (demo data). Chromium comes from Debian
 * (`apt-get install -y chromium`); Playwright never downloads a browser here.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
const ARTIFACTS = join(REPO_ROOT, "test-artifacts");
const DEMO_NGO = { nationalId: "14905484270", name: "انجمن حمایت از کودکان کار زنجان" };

if (!hasChromium) {
  const message = `Chromium is missing at ${CHROMIUM}: the dashboard browser test cannot run. Install it with \`apt-get install -y chromium\`.`;
  if (process.env.CI === "true") throw new Error(message);
  console.warn(`\n\n!!! ${message} !!!\n`);
}

const browserIt = hasChromium ? it : it.skip;
const browserDescribe = hasChromium ? "dashboard in headless Chromium" : "SKIPPED — Chromium missing at /usr/bin/chromium (apt-get install -y chromium)";

describe(browserDescribe, () => {
  const database = `t_dashboard_${randomBytes(4).toString("hex")}`;
  let stack: InProcessStack;
  let browser: Browser;

  beforeAll(async () => {
    if (!hasChromium) return;
    if (!existsSync(join(DASHBOARD_DIST, "index.html"))) throw new Error("dashboard/dist is missing: `npm test` builds it first (npm run build).");
    const prepared = await prepareDatabase(testAdminUrl(), database, { demo: true });
    stack = await startInProcessStack(prepared);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (hasChromium) await dropProvisionedDatabase(testAdminUrl(), database);
  });

  browserIt("shows the NGO list right-to-left in Persian with demo NGOs, and an NGO's page", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: "fa-IR" });
    const failedRequests: string[] = [];
    page.on("requestfailed", (request) => failedRequests.push(request.url()));
    const firstByName = await postGraphQL(stack.gatewayUrl, `{ ngos(sort: { field: "name", order: ASC }, limit: 1) { items { name } totalCount } }`);
    const { items, totalCount } = firstByName.data!.ngos;
    await page.goto(`${stack.baseUrl}/#/ngos`);
    await page.getByText(items[0].name, { exact: true }).first().waitFor({ timeout: 30_000 });
    await page.getByText(`(کل: ${toPersianDigits(totalCount)})`).first().waitFor();

    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe("rtl");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fa");
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-ngos.png"), fullPage: true });

    // Searched with an Arabic keyboard (ي/ك) and without the ZWNJ, the NGO is still found.
    const search = encodeURIComponent(JSON.stringify({ q: "حمايت از كودكان كار" }));
    await page.goto(`${stack.baseUrl}/#/ngos?filter=${search}`);
    await page.getByText(DEMO_NGO.name, { exact: true }).first().waitFor({ timeout: 30_000 });

    await page.goto(`${stack.baseUrl}/#/ngos/${demoNgoId(DEMO_NGO.nationalId)}/show`);
    await page.getByText(DEMO_NGO.nationalId).first().waitFor({ timeout: 30_000 });
    await expect(page.getByText("زنجان").first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-ngo-show.png"), fullPage: true });
    expect(failedRequests.filter((url) => !url.startsWith(stack.baseUrl))).toEqual([]);
  }, 90_000);
});
