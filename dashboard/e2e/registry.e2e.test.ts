import { randomInt } from "node:crypto";
import { join } from "node:path";
import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { demoNgoId, legalNationalId } from "@hamafza/registry";
import { Page } from "playwright-core";
import { toPersianDigits } from "../src/common/persianDigits";
import {
  ARTIFACTS,
  browserIt,
  browserSuiteTitle,
  demoUser,
  graphQLErrorsOf,
  useBrowserStack,
  WAIT,
} from "./browserStack";

/**
 * The registry pages of the dashboard in real headless Chromium against the real stack (demo data): an officer
 * creates an NGO through the form with a Jalali founding date, finds it with an Arabic-keyboard spelling, issues
 * and suspends its licence from its page, and imports a CSV file (first with errors, reported per row in Persian).
 */
const browserDescribe = browserSuiteTitle("registry pages in headless Chromium", "registry");

/** A valid 11-digit national id (شناسه ملی) no demo NGO has. */
const freshNationalId = () => legalNationalId(`149${String(randomInt(0, 10_000_000)).padStart(7, "0")}`);

/** A valid 10-digit national code (کد ملی). */
function nationalCode(first9: string): string {
  const sum = [...first9].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const remainder = sum % 11;
  return first9 + String(remainder < 2 ? remainder : 11 - remainder);
}

describe(browserDescribe, () => {
  const suite = useBrowserStack("registryui");
  const { gql } = suite;

  async function newPage(): Promise<{ page: Page; failedRequests: string[]; graphQLErrors: string[] }> {
    const context = await suite.newContext();
    const page = await context.newPage();
    const failedRequests: string[] = [];
    page.on("requestfailed", (request) => failedRequests.push(request.url()));
    return { page, failedRequests, graphQLErrors: graphQLErrorsOf(page) };
  }

  async function signIn(page: Page, username: string) {
    await suite.submitSignIn(page, username);
    await page.locator('a.RaMenuItemLink-root[href="#/ngos"]').waitFor(WAIT);
  }

  /** Picks an option of a react-admin autocomplete (AutocompleteInput / AutocompleteArrayInput). */
  async function choose(page: Page, label: string, option: string, scope = page.locator("form")) {
    const box = scope.getByRole("combobox", { name: label }).first();
    await box.click();
    await box.fill(option);
    await page.getByRole("option", { name: option, exact: true }).click();
  }

  const menuLink = (page: Page, href: string) => page.locator(`a.RaMenuItemLink-root[href="#${href}"]`);

  browserIt(
    "a province officer creates an NGO with a Jalali founding date, finds it with an Arabic-keyboard spelling, and issues and suspends its licence",
    async () => {
      const officer = demoUser("PROVINCE_OFFICER");
      const token = await login(suite.stack.baseUrl, officer.username, DEMO_PASSWORD);
      const { page, failedRequests, graphQLErrors } = await newPage();
      await signIn(page, officer.username);

      // The registry menu for an officer: every registry resource and page, grouped.
      for (const href of [
        "/ngos",
        "/licences",
        "/ngos/import",
        "/ngo-duplicates",
        "/parallel-work",
        "/ngoHouses",
        "/ngoNetworks",
        "/facilitationOffices",
        "/informalSettlementAreas",
        "/agencies",
        "/managers",
        "/fieldsOfActivity",
      ]) {
        expect([href, await menuLink(page, href).count()]).toEqual([href, 1]);
      }
      await page.getByText("ثبت سمن‌ها", { exact: true }).waitFor(WAIT);

      const name = `کانون یاوران کتاب‌خوانی کودکان ${toPersianDigits(randomInt(100, 999))}`;
      const arabicKeyboard = name
        .replace(/ی/g, "ي")
        .replace(/ک/g, "ك")
        .replace(/\u200c/g, "");
      expect(arabicKeyboard).not.toBe(name);
      const nationalId = freshNationalId();
      const chair = nationalCode("427143813");

      await menuLink(page, "/ngos").click();
      await page.locator('a[href="#/ngos/create"]').first().click();
      await page.waitForURL(/#\/ngos\/create$/, WAIT);
      const form = page.locator("form");
      await form.getByRole("textbox", { name: "نام", exact: true }).fill(name);
      await form.getByRole("textbox", { name: "شناسه ملی" }).fill(nationalId);
      // The province defaults to the officer's; the county list is that province's.
      await expect(form.getByRole("combobox", { name: "استان" }).inputValue()).resolves.toBe("زنجان");
      await choose(page, "شهرستان", "زنجان");

      // A Jalali date: first an impossible day (Mehr has 30 days), refused on saving with a Persian message.
      const founded = form.getByRole("textbox", { name: "تاریخ تأسیس" });
      await founded.fill("1398/07/31");
      await page.getByRole("button", { name: "ذخیره" }).click();
      await form.getByText("مهر ۱۳۹۸ فقط ۳۰ روز دارد.").waitFor(WAIT);
      expect(page.url()).toMatch(/#\/ngos\/create$/);
      // Then a real day, typed with Latin digits, shown back in Persian digits once the input is left.
      await founded.fill("1398/07/15");
      await form.getByText("مهر ۱۳۹۸ فقط ۳۰ روز دارد.").waitFor({ state: "detached", ...WAIT });
      await founded.blur();
      await expect(founded.inputValue()).resolves.toBe("۱۳۹۸/۰۷/۱۵");
      // Or clicked in the Jalali calendar its button opens: on the typed day's month, in Persian digits.
      await form
        .locator(".MuiFormControl-root", { has: page.getByRole("textbox", { name: "تاریخ تأسیس" }) })
        .getByRole("button", { name: "انتخاب از تقویم" })
        .click();
      const calendar = page.getByTestId("jalali-calendar");
      await calendar.getByText("مهر ۱۳۹۸").waitFor(WAIT);
      // The Iranian week, Saturday first, each day by its initial.
      await expect(calendar.getByRole("columnheader").allTextContents()).resolves.toEqual([
        "ش",
        "ی",
        "د",
        "س",
        "چ",
        "پ",
        "ج",
      ]);
      await page.screenshot({ path: join(ARTIFACTS, "registry-ngo-create-calendar.png") });
      await calendar.getByRole("gridcell", { name: "۱۶", exact: true }).click();
      await calendar.waitFor({ state: "detached", ...WAIT });
      await expect(founded.inputValue()).resolves.toBe("۱۳۹۸/۰۷/۱۶");

      await choose(page, "حوزه‌های فعالیت", "کودکان و نوجوانان");
      await page.keyboard.press("Escape");
      await form.getByRole("textbox", { name: "تلفن", exact: true }).fill("02433445566");
      await page.screenshot({ path: join(ARTIFACTS, "registry-ngo-create.png"), fullPage: true });

      // The board: one member, with a national code checked on the page.
      await page.getByRole("tab", { name: "هیئت‌مدیره" }).click();
      await form.getByRole("button", { name: "اضافه" }).click();
      await form.getByRole("textbox", { name: "نام و نام خانوادگی" }).fill("مریم کاظمی");
      await form.getByRole("combobox", { name: "سمت" }).click();
      await page.getByRole("option", { name: "رئیس هیئت‌مدیره", exact: true }).click();
      await form.getByRole("textbox", { name: "کد ملی" }).fill(chair);
      await page.screenshot({ path: join(ARTIFACTS, "registry-ngo-create-board.png"), fullPage: true });

      await page.getByRole("button", { name: "ذخیره" }).click();
      await page.waitForURL(/#\/ngos\/[0-9a-f-]{36}\/show$/, WAIT);
      const ngoId = /#\/ngos\/([0-9a-f-]{36})\/show$/.exec(page.url())![1];

      const { ngo } = await gql(
        token,
        `query ($id: ID!) { ngo(id: $id) { name nationalId countyId provinceId scope status foundedOn phone fields { code } boardMembers { name role nationalCode } licenceState } }`,
        { id: ngoId },
      );
      expect(ngo).toEqual({
        name,
        nationalId,
        countyId: "1901",
        provinceId: "19",
        scope: "COUNTY",
        status: "ACTIVE",
        foundedOn: "2019-10-08",
        phone: "02433445566",
        fields: [{ code: "CHILDREN" }],
        boardMembers: [{ name: "مریم کاظمی", role: "CHAIR", nationalCode: chair }],
        licenceState: "NONE",
      });

      // Found from the list's search box typed on an Arabic keyboard (ي, ك, no ZWNJ).
      await menuLink(page, "/ngos").click();
      await page.locator(".RaDatagrid-table").waitFor(WAIT);
      await page.getByPlaceholder("جست‌وجو").fill(arabicKeyboard);
      await page.waitForFunction(
        (expected) => {
          const rows = [...document.querySelectorAll(".RaDatagrid-tbody > tr")];
          return rows.length >= 1 && rows.some((row) => row.textContent?.includes(expected));
        },
        name,
        WAIT,
      );
      await page.screenshot({ path: join(ARTIFACTS, "registry-ngo-search-arabic.png"), fullPage: true });
      await page.locator(".RaDatagrid-tbody > tr").filter({ hasText: name }).first().click();
      await page.waitForURL(new RegExp(`#/ngos/${ngoId}/show$`), WAIT);
      await page.getByText("۱۳۹۸/۰۷/۱۶", { exact: true }).waitFor(WAIT);
      await page.getByText(toPersianDigits(nationalId), { exact: true }).waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "registry-ngo-show.png"), fullPage: true });

      // The licence tab: no licence yet; issue one with Jalali dates.
      await page.getByRole("tab", { name: "پروانه فعالیت" }).click();
      await page.waitForURL(new RegExp(`#/ngos/${ngoId}/show/licence$`), WAIT);
      await page.locator('[data-value="NONE"]').first().waitFor(WAIT);
      await page.getByRole("button", { name: "صدور پروانه" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("textbox", { name: "شماره پروانه" }).fill("19/1404/9001");
      await dialog.getByRole("textbox", { name: "تاریخ صدور" }).fill("1404/01/15");
      // An expiry before the issue date is refused on the page.
      await dialog.getByRole("textbox", { name: "تاریخ انقضا" }).fill("1403/01/15");
      await dialog.getByRole("button", { name: "صدور پروانه" }).click();
      await dialog.getByText("تاریخ نباید پیش از ۱۴۰۴/۰۱/۱۵ باشد.").waitFor(WAIT);
      await dialog.getByRole("textbox", { name: "تاریخ انقضا" }).fill("1410/01/15");
      await page.screenshot({ path: join(ARTIFACTS, "registry-licence-issue.png"), fullPage: true });
      await dialog.getByRole("button", { name: "صدور پروانه" }).click();
      await dialog.waitFor({ state: "hidden", ...WAIT });
      await page.locator('[data-value="ACTIVE"]').first().waitFor(WAIT);
      await page.getByText("معتبر", { exact: true }).first().waitFor(WAIT);
      await page.getByText("۱۴۱۰/۰۱/۱۵", { exact: true }).first().waitFor(WAIT);
      await page.getByRole("cell", { name: "صدور", exact: true }).first().waitFor(WAIT);
      expect(await page.getByRole("button", { name: "صدور پروانه" }).count()).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, "registry-licence-active.png"), fullPage: true });

      // Suspend it with a reason: the state and the history follow.
      await page.getByRole("button", { name: "تعلیق", exact: true }).click();
      await dialog.getByRole("textbox", { name: "دلیل" }).fill("عدم ارائه گزارش مالی");
      await dialog.getByRole("button", { name: "تعلیق", exact: true }).click();
      await dialog.waitFor({ state: "hidden", ...WAIT });
      await page.getByText("تعلیق‌شده", { exact: true }).first().waitFor(WAIT);
      await page.getByRole("button", { name: "رفع تعلیق" }).waitFor(WAIT);
      await page.getByText("عدم ارائه گزارش مالی").first().waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "registry-licence-suspended.png"), fullPage: true });

      const after = await gql(
        token,
        `query ($id: ID!) { ngo(id: $id) { licenceState licence { number issuedOn expiresOn statusReason history { action } } } }`,
        { id: ngoId },
      );
      expect(after.ngo).toEqual({
        licenceState: "SUSPENDED",
        licence: {
          number: "19/1404/9001",
          issuedOn: "2025-04-04",
          expiresOn: "2031-04-04",
          statusReason: "عدم ارائه گزارش مالی",
          history: [{ action: "ISSUE" }, { action: "SUSPEND" }],
        },
      });

      // The supervision tab: a warning recorded afterwards names the suspension it justifies (linked both ways).
      await page.getByRole("tab", { name: "نظارت", exact: true }).click();
      await page.getByText("سابقه نظارتی ثبت نشده است.").waitFor(WAIT);
      await page.getByRole("button", { name: "ثبت سابقه نظارت" }).click();
      await dialog.getByRole("combobox", { name: "نوع" }).click();
      await page.getByRole("option", { name: "اخطار", exact: true }).click();
      await dialog.getByRole("textbox", { name: "تاریخ" }).fill("1404/02/01");
      await dialog.getByRole("textbox", { name: "شرح" }).fill("گزارش مالی سال ۱۴۰۳ با دو بار یادآوری ارائه نشد.");
      await dialog.getByRole("combobox", { name: "پشتوانه اقدام پروانه (اختیاری)" }).click();
      await page.getByRole("option", { name: /^تعلیق پروانه ۱۹\/۱۴۰۴\/۹۰۰۱ در / }).click();
      await dialog.getByRole("button", { name: "تأیید" }).click();
      await dialog.waitFor({ state: "hidden", ...WAIT });
      await page
        .getByTestId("supervision-record")
        .getByText(/^پشتوانه تعلیق پروانه در /)
        .waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "registry-supervision-warning.png"), fullPage: true });
      const linked = await gql(
        token,
        `query ($id: ID!) { ngo(id: $id) { supervisionRecords { kind licenceEvent { action supervisionRecord { kind } } } } }`,
        { id: ngoId },
      );
      expect(linked.ngo.supervisionRecords).toEqual([
        { kind: "WARNING", licenceEvent: { action: "SUSPEND", supervisionRecord: { kind: "WARNING" } } },
      ]);

      // The licences list filtered by state shows it among the suspended ones.
      await page.goto(
        `${suite.stack.baseUrl}/#/licences?filter=${encodeURIComponent(JSON.stringify({ states: ["SUSPENDED"], currentOnly: true }))}`,
      );
      await page.getByText(toPersianDigits("19/1404/9001")).first().waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "registry-licences-suspended.png"), fullPage: true });
      // The search box's placeholder is translated when drawn (the screens' messages arrive after sign-in).
      await page.getByPlaceholder("شماره پروانه").waitFor(WAIT);

      expect(graphQLErrors).toEqual([]);
      expect(failedRequests.filter((url) => !url.startsWith(suite.stack.baseUrl))).toEqual([]);
    },
    180_000,
  );

  browserIt(
    "an officer imports a CSV file: a file with errors gets a per-row Persian report and imports nothing, the corrected file imports",
    async () => {
      const officer = demoUser("PROVINCE_OFFICER");
      const token = await login(suite.stack.baseUrl, officer.username, DEMO_PASSWORD);
      const { page } = await newPage();
      await signIn(page, officer.username);

      const good = [freshNationalId(), freshNationalId()];
      const names = [
        `انجمن آزمون ورود گروهی ${toPersianDigits(randomInt(100, 999))}`,
        `جمعیت آزمون ورود گروهی ${toPersianDigits(randomInt(100, 999))}`,
      ];
      const header = "نام,شناسه ملی,کد شهرستان,حوزه فعالیت,تاریخ تأسیس,تلفن";
      const withErrors = [
        header,
        `${names[0]},${good[0]},1901,CHILDREN,1399/02/10,02433445566`,
        `${names[1]},12345678901,1901,CHILDREN,1399/13/40,123`,
      ].join("\n");
      const corrected = [
        header,
        `${names[0]},${good[0]},1901,CHILDREN,1399/02/10,02433445566`,
        `${names[1]},${good[1]},1901,YOUTH,۱۴۰۰/۰۳/۰۱,09121234567`,
      ].join("\n");
      const count = async () =>
        (await gql(token, `query ($q: String) { ngos(filter: { q: $q }) { totalCount } }`, { q: "آزمون ورود گروهی" }))
          .ngos.totalCount;
      expect(await count()).toBe(0);

      // Reached from the NGO list.
      await page.goto(`${suite.stack.baseUrl}/#/ngos`);
      await page.getByRole("link", { name: "ورود از CSV" }).click();
      await page.waitForURL(/#\/ngos\/import$/, WAIT);
      await page.getByText("ورود گروهی سمن‌ها از فایل CSV").first().waitFor(WAIT);

      await page
        .getByTestId("csv-file")
        .setInputFiles({ name: "ngos-with-errors.csv", mimeType: "text/csv", buffer: Buffer.from(withErrors, "utf8") });
      await page.getByTestId("csv-file-name").waitFor(WAIT);
      const importButton = page.getByRole("button", { name: "ثبت سمن‌ها" });
      expect(await importButton.isDisabled()).toBe(true);
      await page.getByRole("button", { name: "بررسی فایل (بدون ثبت)" }).click();
      const table = page.getByTestId("import-problems");
      await table.waitFor(WAIT);
      await page.getByTestId("import-summary").getByText("فایل پذیرفته نشد", { exact: false }).waitFor(WAIT);
      // Every problem is on row 3 (the header is row 1), in Persian, with the column and the value read.
      const rows = await table.locator("tbody tr").allInnerTexts();
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const row of rows) {
        const [rowNumber, , , message] = row.split("\t");
        expect(rowNumber).toBe("۳");
        expect(message).toMatch(/[\u0600-\u06FF]/);
      }
      await table.getByRole("cell", { name: "شناسه ملی", exact: true }).first().waitFor();
      await table.getByRole("cell", { name: "12345678901", exact: true }).first().waitFor();
      await table.getByRole("cell", { name: "تاریخ تأسیس", exact: true }).first().waitFor();
      expect(await importButton.isDisabled()).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, "registry-import-errors.png"), fullPage: true });
      expect(await count()).toBe(0);

      await page
        .getByTestId("csv-file")
        .setInputFiles({ name: "ngos.csv", mimeType: "text/csv", buffer: Buffer.from(corrected, "utf8") });
      await page.getByRole("button", { name: "بررسی فایل (بدون ثبت)" }).click();
      await page.getByTestId("import-summary").getByText("همه ۲ سطر درست است", { exact: false }).waitFor(WAIT);
      expect(await count()).toBe(0);
      await importButton.click();
      await page.getByTestId("import-summary").getByText("۲ سمن ثبت شد.", { exact: false }).waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "registry-import-done.png"), fullPage: true });
      expect(await count()).toBe(2);
      const { ngos } = await gql(
        token,
        `query ($q: String) { ngos(filter: { q: $q }, sort: { field: "foundedOn", order: ASC }) { items { name foundedOn fields { code } } } }`,
        {
          q: "آزمون ورود گروهی",
        },
      );
      expect(ngos.items).toEqual([
        { name: names[0], foundedOn: "2020-04-29", fields: [{ code: "CHILDREN" }] },
        { name: names[1], foundedOn: "2021-05-22", fields: [{ code: "YOUTH" }] },
      ]);
    },
    120_000,
  );

  browserIt(
    "an analyst reads the registry without any editing, and lists the facilitation offices without a dedicated space",
    async () => {
      const analyst = demoUser("ANALYST");
      const token = await login(suite.stack.baseUrl, analyst.username, DEMO_PASSWORD);
      const { page, graphQLErrors } = await newPage();
      await signIn(page, analyst.username);

      expect(await menuLink(page, "/ngos/import").count()).toBe(0);
      await page.goto(`${suite.stack.baseUrl}/#/ngos`);
      await page.locator(".RaDatagrid-table").waitFor(WAIT);
      expect(await page.locator('a[href="#/ngos/create"]').count()).toBe(0);
      expect(await page.getByRole("link", { name: "ورود از CSV" }).count()).toBe(0);

      // A licensed NGO's licence tab: the state and history, but no transition buttons.
      await page.goto(`${suite.stack.baseUrl}/#/ngos/${demoNgoId("14905484270")}/show/licence`);
      await page.getByText("سابقه پروانه").first().waitFor(WAIT);
      for (const action of ["صدور پروانه", "تمدید", "تعلیق", "لغو", "رفع تعلیق", "ویرایش"]) {
        expect([action, await page.getByRole("button", { name: action, exact: true }).count()]).toEqual([action, 0]);
      }

      const { facilitationOffices } = await gql(
        token,
        `{ facilitationOffices(filter: { hasDedicatedSpace: false }, limit: 200) { totalCount items { name } } }`,
      );
      expect(facilitationOffices.totalCount).toBeGreaterThan(0);
      await page.goto(`${suite.stack.baseUrl}/#/facilitationOffices`);
      await page.locator(".RaDatagrid-table").waitFor(WAIT);
      await page.getByRole("combobox", { name: "فضای اختصاصی" }).click();
      await page.getByRole("option", { name: "بدون فضای اختصاصی" }).click();
      await page
        .getByText(`(کل: ${toPersianDigits(facilitationOffices.totalCount)})`)
        .first()
        .waitFor(WAIT);
      await page.getByText(facilitationOffices.items[0].name, { exact: true }).first().waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "registry-offices-without-space.png"), fullPage: true });

      // The analysis pages answer for the analyst's (whole-country) scope.
      await menuLink(page, "/ngo-duplicates").click();
      await page.getByRole("heading", { name: "سمن‌های احتمالاً تکراری", level: 1 }).waitFor(WAIT);
      await page.locator('[data-testid="duplicates"], .MuiAlert-standardInfo').first().waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "registry-duplicates.png"), fullPage: true });
      await menuLink(page, "/parallel-work").click();
      await page.getByRole("heading", { name: "موازی‌کاری سمن‌ها", level: 1 }).waitFor(WAIT);
      await page.getByTestId("parallel-work").waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "registry-parallel-work.png"), fullPage: true });
      expect(graphQLErrors).toEqual([]);
    },
    120_000,
  );
});
