import { readFileSync } from "node:fs";
import { join } from "node:path";
import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { Page } from "playwright-core";
import { ARTIFACTS, browserIt, browserSuiteTitle, demoUser, useBrowserStack, WAIT } from "./browserStack";

/**
 * Issue 14 in headless Chromium: the main lists on a 390 px phone (no sideways scroll, the top bar whole) and the
 * export button of a list (the file parsed back and compared with the API).
 */
const browserDescribe = browserSuiteTitle("lists on a phone, and exports, in headless Chromium", "lists and exports");

const PHONE = { width: 390, height: 844 };

/** RFC 4180 rows: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
const MAIN_LISTS = [
  "ngos",
  "meetings",
  "resolutions",
  "demands",
  "proposals",
  "licences",
  "managers",
  "users",
  "auditEntries",
  "evaluationResults",
];

describe(browserDescribe, () => {
  const suite = useBrowserStack("lists_phone");

  async function signedIn(username: string, viewport?: { width: number; height: number }): Promise<Page> {
    const context = await suite.newContext();
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    await suite.submitSignIn(page, username);
    await page.waitForURL((url) => !url.hash.startsWith("#/login"), WAIT);
    return page;
  }

  browserIt(
    "shows the main lists at 390 px as two-line lists without sideways scroll, the top bar within the screen",
    async () => {
      const page = await signedIn(demoUser("ADMIN").username, PHONE);
      const measured: { resource: string; page: number; body: number; viewport: number }[] = [];
      for (const resource of MAIN_LISTS) {
        await page.goto(`${suite.stack.baseUrl}/#/${resource}`);
        await page.locator('[data-testid="mobile-list"], .RaList-content .MuiList-root').first().waitFor(WAIT);
        await page.waitForLoadState("networkidle");
        const sizes = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          body: document.body.scrollWidth,
          viewport: window.innerWidth,
        }));
        measured.push({ resource, ...sizes });
        // No table on a phone for these lists.
        await expect(page.locator(".RaDatagrid-table").count()).resolves.toBe(0);
        const bar = await page.locator("header.MuiAppBar-root").boundingBox();
        const profile = await page.getByRole("button", { name: "پروفایل" }).boundingBox();
        expect(bar && bar.x >= 0 && bar.x + bar.width <= PHONE.width + 0.5).toBe(true);
        expect(profile && profile.x >= 0 && profile.x + profile.width <= PHONE.width + 0.5).toBe(true);
        await page.screenshot({ path: join(ARTIFACTS, `phone-${resource}.png`) });
      }
      // Every list as wide as the screen, no wider (all measured first, so a failure names every list at fault).
      expect(measured.filter((m) => m.page > m.viewport || m.body > m.viewport)).toEqual([]);
    },
    300_000,
  );

  browserIt(
    "exports a filtered list as CSV with a BOM and Persian headers, row for row as the API lists it",
    async () => {
      const officer = demoUser("PROVINCE_OFFICER");
      const token = await login(suite.stack.baseUrl, officer.username, DEMO_PASSWORD);
      const expected = await suite.gql<{ ngos: { totalCount: number; items: { name: string }[] } }>(
        token,
        `{ ngos(filter: { status: ACTIVE }, sort: { field: "name", order: ASC }, limit: 200) { totalCount items { name } } }`,
      );
      expect(expected.ngos.totalCount).toBeGreaterThan(0);

      const page = await signedIn(officer.username);
      const filter = encodeURIComponent(JSON.stringify({ status: "ACTIVE" }));
      await page.goto(`${suite.stack.baseUrl}/#/ngos?filter=${filter}&sort=name&order=ASC`);
      await page.locator(".RaDatagrid-tbody > tr").first().waitFor(WAIT);
      // Persian digits in the pagination too (page buttons, page size, range) …
      const pagination = await page.locator(".MuiTablePagination-root").first().textContent();
      expect(pagination).toMatch(/[۰-۹]/);
      expect(pagination).not.toMatch(/[0-9]/);
      // … and in the rows-per-page menu's choices.
      await page.locator(".MuiTablePagination-select").first().click();
      await expect(page.getByRole("option").allTextContents()).resolves.toEqual(["۵", "۱۰", "۲۵", "۵۰"]);
      await page.keyboard.press("Escape");
      await page.getByTestId("export-button").click();
      const download = page.waitForEvent("download", WAIT);
      await page.locator('[data-format="csv"]').click();
      const file = await (await download).path();
      const text = readFileSync(file!, "utf8");
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const [headers, ...rows] = parseCsv(text.slice(1));
      expect(headers).toContain("نام");
      expect(headers).toContain("وضعیت");
      expect(rows.length).toBe(expected.ngos.totalCount);
      const names = rows.slice(0, expected.ngos.items.length).map((row) => row[headers.indexOf("نام")]);
      expect(names).toEqual(expected.ngos.items.map((ngo) => ngo.name));
      expect(new Set(rows.map((row) => row[headers.indexOf("وضعیت")]))).toEqual(new Set(["فعال"]));
    },
    180_000,
  );

  browserIt(
    "records a meeting that already took place in one form, after warning that a past time would be saved as planned",
    async () => {
      const officer = demoUser("COUNTY_OFFICER");
      const page = await signedIn(officer.username);
      await page.goto(`${suite.stack.baseUrl}/#/meetings/create`);
      const title = `نشست برگزارشده ${Date.now()}`;
      await page.getByRole("textbox", { name: "عنوان" }).fill(title);
      await page.getByRole("textbox", { name: "زمان برگزاری — تاریخ" }).fill("1404/06/31");
      await page.getByRole("textbox", { name: "ساعت (تهران)" }).fill("10:00");
      await page.getByTestId("past-planned-warning").waitFor(WAIT);
      await page.getByLabel("این نشست برگزار شده است (ثبت با حضور و غیاب)").check();
      await page.getByTestId("past-planned-warning").waitFor({ state: "detached", ...WAIT });
      await page.getByRole("textbox", { name: "صورتجلسه" }).fill("خلاصه گفت‌وگوها");
      await page.screenshot({ path: join(ARTIFACTS, "meeting-create-held.png"), fullPage: true });
      await page.getByRole("button", { name: "ذخیره" }).click();
      await page.waitForURL(/#\/meetings\/[^/]+\/show$/, WAIT);

      const token = await login(suite.stack.baseUrl, officer.username, DEMO_PASSWORD);
      const found = await suite.gql<{
        meetings: { items: { status: string; scheduledAt: string; heldAt: string; minutes: string }[] };
      }>(token, `query($q: String) { meetings(filter: { q: $q }) { items { status scheduledAt heldAt minutes } } }`, {
        q: title,
      });
      expect(found.meetings.items).toEqual([
        {
          status: "HELD",
          scheduledAt: "2025-09-22T06:30:00.000Z",
          heldAt: "2025-09-22T06:30:00.000Z",
          minutes: "خلاصه گفت‌وگوها",
        },
      ]);
    },
    180_000,
  );
});
