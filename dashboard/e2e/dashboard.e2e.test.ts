import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { bearer, login, postGraphQL } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { demoNgoId } from "@hamafza/registry";
import { Page } from "playwright-core";
import { toPersianDigits } from "../src/common/persianDigits";
import { ARTIFACTS, browserIt, browserSuiteTitle, demoUser, useBrowserStack, WAIT } from "./browserStack";

/**
 * The dashboard in real headless Chromium against the real stack (demo data, demo accounts). Chromium comes from
 * Debian (`apt-get install -y chromium`); Playwright never downloads a browser here.
 */
const DEMO_NGO = { nationalId: "14905484270", name: "انجمن حمایت از کودکان کار زنجان" };

const browserDescribe = browserSuiteTitle("dashboard in headless Chromium", "dashboard");

describe(browserDescribe, () => {
  const suite = useBrowserStack("dashboard");
  const { gql } = suite;

  /** A fresh browser profile (empty localStorage), so each user starts signed out. */
  async function newPage(): Promise<{ page: Page; failedRequests: string[] }> {
    const context = await suite.newContext();
    const page = await context.newPage();
    const failedRequests: string[] = [];
    page.on("requestfailed", (request) => failedRequests.push(request.url()));
    return { page, failedRequests };
  }

  async function signIn(page: Page, username: string, password: string) {
    await suite.submitSignIn(page, username, password);
  }

  const menuLink = (page: Page, resource: string) => page.locator(`a.RaMenuItemLink-root[href="#/${resource}"]`);

  async function signOut(page: Page) {
    await page.getByRole("button", { name: "پروفایل" }).click();
    await page.getByRole("menuitem", { name: "خروج" }).click();
    await page.getByLabel("نام کاربری").waitFor(WAIT);
  }

  browserIt(
    "first shows the Persian sign-in page, and the server's Persian message for a wrong password",
    async () => {
      const { page, failedRequests } = await newPage();
      await page.goto(`${suite.stack.baseUrl}/`);
      await page.getByLabel("نام کاربری").waitFor(WAIT);
      await page.getByText("ورود به سامانه").waitFor();
      expect(page.url()).toMatch(/#\/login$/);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
      expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe("rtl");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("fa");
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-login.png"), fullPage: true });

      const answer = page.waitForResponse((response) => response.url().endsWith("/auth/login"));
      await page.getByLabel("نام کاربری").fill(demoUser("PROVINCE_OFFICER").username);
      await page.getByLabel("گذرواژه").fill(`${DEMO_PASSWORD}-wrong`);
      await page.getByRole("button", { name: "ورود" }).click();
      const response = await answer;
      expect(response.status()).toBe(401);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe("UNAUTHENTICATED");
      expect(error.message).toMatch(/[\u0600-\u06FF]/);
      await page.getByRole("alert").filter({ hasText: error.message }).waitFor(WAIT);
      expect(await page.evaluate(() => localStorage.getItem("hamafza.token"))).toBeNull();
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-login-error.png"), fullPage: true });
      expect(failedRequests.filter((url) => !url.startsWith(suite.stack.baseUrl))).toEqual([]);
    },
    90_000,
  );

  browserIt(
    "a province officer sees only the province's NGOs right-to-left in Persian, an NGO's page, and no users or audit menu",
    async () => {
      const officer = demoUser("PROVINCE_OFFICER");
      const { page, failedRequests } = await newPage();
      await signIn(page, officer.username, DEMO_PASSWORD);
      await menuLink(page, "ngos").waitFor(WAIT);
      expect(await page.evaluate(() => localStorage.getItem("hamafza.token"))).toBeTruthy();
      expect(await page.evaluate(() => JSON.parse(localStorage.getItem("hamafza.user") ?? "{}").role)).toBe(
        officer.role,
      );

      // What the gateway gives this user's token is what the list shows: the province's NGOs only.
      const token = await login(suite.stack.baseUrl, officer.username, DEMO_PASSWORD);
      const adminToken = await login(suite.stack.baseUrl, demoUser("ADMIN").username, DEMO_PASSWORD);
      const listQuery = `{ ngos(sort: { field: "name", order: ASC }, limit: 200) { items { name county { provinceId } } totalCount } }`;
      const { items, totalCount } = (await gql(token, listQuery)).ngos;
      const everywhere = (await gql(adminToken, listQuery)).ngos.totalCount;
      expect(totalCount).toBeGreaterThan(0);
      expect(totalCount).toBeLessThan(everywhere);
      expect(new Set(items.map((ngo: { county: { provinceId: string } }) => ngo.county.provinceId))).toEqual(
        new Set([officer.provinceId]),
      );

      // The home page counts the same NGOs.
      const ngoCard = page.locator(".MuiCard-root").filter({ hasText: "سمن‌های ثبت‌شده" });
      await ngoCard.getByText(toPersianDigits(totalCount), { exact: true }).waitFor(WAIT);
      // The menu, the app bar and the home page show the screens' messages (a chunk fetched after sign-in), never
      // a translate key.
      expect(await page.locator("body").innerText()).not.toMatch(/\b(hamafza|resources|ra)\.[a-zA-Z]/);
      expect((await menuLink(page, "ngos").innerText()).trim()).toBe("سمن‌ها");

      await page.goto(`${suite.stack.baseUrl}/#/ngos`);
      await page.getByText(items[0].name, { exact: true }).first().waitFor(WAIT);
      await page
        .getByText(`(کل: ${toPersianDigits(totalCount)})`)
        .first()
        .waitFor(WAIT);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
      expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe("rtl");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("fa");

      // The menu offers what this role may use, and nothing else.
      for (const resource of ["ngos", "meetings", "provinces", "counties"])
        expect(await menuLink(page, resource).count()).toBe(1);
      expect(await menuLink(page, "users").count()).toBe(0);
      expect(await menuLink(page, "auditEntries").count()).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-ngos.png"), fullPage: true });

      // Searched with an Arabic keyboard (ي/ك) and without the ZWNJ, the NGO is still found.
      const search = encodeURIComponent(JSON.stringify({ q: "حمايت از كودكان كار" }));
      await page.goto(`${suite.stack.baseUrl}/#/ngos?filter=${search}`);
      await page.getByText(DEMO_NGO.name, { exact: true }).first().waitFor(WAIT);

      await page.goto(`${suite.stack.baseUrl}/#/ngos/${demoNgoId(DEMO_NGO.nationalId)}/show`);
      await page.getByText(toPersianDigits(DEMO_NGO.nationalId)).first().waitFor(WAIT);
      await expect(page.getByText("زنجان").first().isVisible()).resolves.toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-ngo-show.png"), fullPage: true });

      // The users page is refused to this role even when typed in.
      await page.goto(`${suite.stack.baseUrl}/#/users`);
      await page.waitForURL(/#\/access-denied$/, WAIT);
      expect(await page.locator(".RaDatagrid-table").count()).toBe(0);

      // An expired session signs out to the sign-in page at the next step.
      await page.goto(`${suite.stack.baseUrl}/#/ngos`);
      await menuLink(page, "ngos").waitFor(WAIT);
      await page.evaluate(() => localStorage.setItem("hamafza.expiresAt", new Date(Date.now() - 1000).toISOString()));
      await menuLink(page, "meetings").click();
      await page.getByLabel("نام کاربری").waitFor(WAIT);
      expect(await page.evaluate(() => localStorage.getItem("hamafza.token"))).toBeNull();
      expect(failedRequests.filter((url) => !url.startsWith(suite.stack.baseUrl))).toEqual([]);
    },
    120_000,
  );

  browserIt(
    "an evaluator sees the audit log but not the users, and changes their own password",
    async () => {
      const evaluator = demoUser("EVALUATOR");
      const { page } = await newPage();
      await signIn(page, evaluator.username, DEMO_PASSWORD);
      await menuLink(page, "auditEntries").waitFor(WAIT);
      expect(await menuLink(page, "users").count()).toBe(0);

      await page.getByRole("button", { name: "پروفایل" }).click();
      await page.getByRole("menuitem", { name: "تغییر گذرواژه" }).click();
      const form = page.locator("form");
      const newPassword = `New-${randomBytes(8).toString("hex")}`;
      await form.locator('input[name="currentPassword"]').fill(`${DEMO_PASSWORD}-not`);
      await form.locator('input[name="newPassword"]').fill(newPassword);
      await form.locator('input[name="confirmPassword"]').fill(newPassword);
      const refused = page.waitForResponse(
        (response) =>
          response.url().endsWith("/graphql") && (response.request().postData() ?? "").includes("changeMyPassword"),
      );
      await form.getByRole("button", { name: "تغییر گذرواژه" }).click();
      const { errors } = await (await refused).json();
      const problem = errors[0].extensions.fields.find((field: { field: string }) => field.field === "currentPassword");
      await form.getByText(problem.message).waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-change-password.png"), fullPage: true });

      await form.locator('input[name="currentPassword"]').fill(DEMO_PASSWORD);
      await form.getByRole("button", { name: "تغییر گذرواژه" }).click();
      await page.waitForURL(/#\/$/, WAIT);
      await expect(login(suite.stack.baseUrl, evaluator.username, newPassword)).resolves.toEqual(expect.any(String));
      await signOut(page);
    },
    60_000,
  );

  browserIt(
    "an administrator creates a user through the form, finds it in the audit log, and signs out",
    async () => {
      const admin = demoUser("ADMIN");
      const { page, failedRequests } = await newPage();
      await signIn(page, admin.username, DEMO_PASSWORD);
      await menuLink(page, "users").waitFor(WAIT);
      await menuLink(page, "auditEntries").waitFor(WAIT);

      const adminToken = await login(suite.stack.baseUrl, admin.username, DEMO_PASSWORD);
      const provinceId = demoUser("COUNTY_OFFICER").provinceId!;
      const { province, counties } = await gql(
        adminToken,
        `query ($id: ID!) { province(id: $id) { id name } counties(filter: { provinceId: $id }, sort: { field: "name", order: ASC }, limit: 1) { items { id name } } }`,
        { id: provinceId },
      );
      const county = counties.items[0];
      const username = `e2e.${randomBytes(3).toString("hex")}`;
      const password = `Pw-${randomBytes(8).toString("hex")}`;
      const displayName = "کاربر آزمون مرورگر";

      await menuLink(page, "users").click();
      await page.getByText(admin.username, { exact: true }).first().waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-users.png"), fullPage: true });
      await page.locator('a[href="#/users/create"]').first().click();
      await page.waitForURL(/#\/users\/create$/, WAIT);
      const form = page.locator("form");
      await form.getByRole("textbox", { name: "نام کاربری" }).fill(username);
      await form.getByRole("textbox", { name: "نام نمایشی" }).fill(displayName);
      // The role defaults to county officer: the county list follows the province chosen first.
      await form.getByRole("combobox", { name: "استان" }).fill(province.name);
      await page.getByRole("option", { name: province.name, exact: true }).click();
      await form.getByRole("combobox", { name: "شهرستان" }).click();
      await form.getByRole("combobox", { name: "شهرستان" }).fill(county.name);
      await page.getByRole("option", { name: county.name, exact: true }).click();
      await form.locator('input[name="password"]').fill(password);
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-user-create.png"), fullPage: true });
      await page.getByRole("button", { name: "ذخیره" }).click();
      await page.getByText(username, { exact: true }).first().waitFor(WAIT);

      const findUser = async () =>
        (
          await gql(
            adminToken,
            `query ($q: String) { users(filter: { q: $q }) { items { id username role provinceId countyId disabled } } }`,
            { q: username },
          )
        ).users.items;
      const created = await findUser();
      expect(created).toEqual([
        { id: expect.any(String), username, role: "COUNTY_OFFICER", provinceId, countyId: county.id, disabled: false },
      ]);
      await expect(login(suite.stack.baseUrl, username, password)).resolves.toEqual(expect.any(String));

      // On the user's page: a generated password, shown once, then a new role and the account disabled.
      await page.getByText(username, { exact: true }).first().click();
      await page.waitForURL(new RegExp(`#/users/${created[0].id}$`), WAIT);
      await page.getByRole("button", { name: "بازنشانی گذرواژه" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "بازنشانی", exact: true }).click();
      const shown = page.getByRole("dialog").locator('output[aria-label="گذرواژه موقت"]');
      await shown.waitFor(WAIT);
      const temporaryPassword = (await shown.innerText()).trim();
      expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-user-password.png"), fullPage: true });
      await page.getByRole("dialog").getByRole("button", { name: "بستن" }).click();
      await expect(login(suite.stack.baseUrl, username, password)).rejects.toThrow();
      await expect(login(suite.stack.baseUrl, username, temporaryPassword)).resolves.toEqual(expect.any(String));

      await form.getByRole("combobox", { name: "نقش" }).click();
      await page.getByRole("option", { name: "کارشناس استانداری", exact: true }).click();
      expect(await form.getByRole("combobox", { name: "شهرستان" }).count()).toBe(0);
      await form.getByLabel("غیرفعال").check();
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-user-edit.png"), fullPage: true });
      await page.getByRole("button", { name: "ذخیره" }).click();
      await page.waitForURL(/#\/users$/, WAIT);
      expect(await findUser()).toEqual([
        { ...created[0], role: "PROVINCE_OFFICER", provinceId, countyId: null, disabled: true },
      ]);
      await expect(login(suite.stack.baseUrl, username, temporaryPassword)).rejects.toThrow();

      // The audit log has the creation, by this administrator, with the new record readable on its page.
      const { auditEntries } = await gql(
        adminToken,
        `query ($id: String) { auditEntries(filter: { action: "createUser", entityId: $id }) { items { id actorUsername } totalCount } }`,
        { id: created[0].id },
      );
      expect(auditEntries.totalCount).toBe(1);
      expect(auditEntries.items[0].actorUsername).toBe(admin.username);
      await menuLink(page, "auditEntries").click();
      await page.locator(".RaDatagrid-table").waitFor(WAIT);
      const filter = encodeURIComponent(JSON.stringify({ action: "createUser", entityId: created[0].id }));
      await page.goto(`${suite.stack.baseUrl}/#/auditEntries?filter=${filter}`);
      // The unfiltered rows stay on screen until the filtered page arrives.
      await page.waitForFunction(
        () => document.querySelectorAll(".RaDatagrid-tbody > tr").length === 1,
        undefined,
        WAIT,
      );
      const row = page.locator(".RaDatagrid-tbody > tr").filter({ hasText: "ایجاد کاربر" });
      await expect(row.count()).resolves.toBe(1);
      await expect(row.first().innerText()).resolves.toContain(admin.username);
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-audit.png"), fullPage: true });
      await row.first().click();
      await page.waitForURL(new RegExp(`#/auditEntries/${auditEntries.items[0].id}/show$`), WAIT);
      await page
        .locator("pre")
        .filter({ hasText: `"username": "${username}"` })
        .first()
        .waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "dashboard-audit-show.png"), fullPage: true });

      // Signing out ends the session on the server too.
      const browserToken = await page.evaluate(() => localStorage.getItem("hamafza.token"));
      expect(browserToken).toBeTruthy();
      await signOut(page);
      expect(await page.evaluate(() => localStorage.getItem("hamafza.token"))).toBeNull();
      const after = await postGraphQL(suite.stack.gatewayUrl, "{ me { id } }", {}, bearer(browserToken!));
      expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(failedRequests.filter((url) => !url.startsWith(suite.stack.baseUrl))).toEqual([]);
    },
    150_000,
  );
});
