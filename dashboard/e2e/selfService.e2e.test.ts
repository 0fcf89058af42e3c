import { join } from "node:path";
import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { Page } from "playwright-core";
import { ARTIFACTS, browserIt, browserSuiteTitle, demoUser, useBrowserStack, WAIT } from "./browserStack";

/**
 * Issue 15 in headless Chromium: an NGO representative on a 390 px phone meets their own menu and home only, edits a
 * contact field and the board of their NGO, files a change request of a regulated field; the county officer approves it and the
 * NGO's record changes (docs/self-service.md).
 */
const PHONE = { width: 390, height: 844 };

describe(browserSuiteTitle("NGO self-service in headless Chromium", "self-service"), () => {
  const suite = useBrowserStack("self_service");

  async function signedIn(role: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await (await suite.newContext()).newPage();
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(`${suite.stack.baseUrl}/#/login`);
    await page.getByLabel("نام کاربری").fill(demoUser(role).username);
    await page.getByLabel("گذرواژه").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "ورود" }).click();
    await page.getByTestId(`home-${role}`).waitFor(WAIT);
    return page;
  }

  const noSidewaysScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  browserIt(
    "a representative edits a contact field and the board and files a change request at 390 px; the county officer approves it",
    async () => {
      const representative = demoUser("NGO_REPRESENTATIVE");
      const token = await login(suite.stack.baseUrl, representative.username, DEMO_PASSWORD);
      const { me } = await suite.gql<{ me: { boundId: string } }>(token, `{ me { boundId } }`);
      const ngoId = me.boundId;

      const page = await signedIn("NGO_REPRESENTATIVE", PHONE);
      await page.getByTestId("self-home-ngo").waitFor(WAIT);
      // Their own menu only: home, my NGO, change requests — no staff page.
      await page.getByRole("button", { name: "باز کردن منو" }).click();
      await page.getByTestId("self-menu-myNgo").waitFor(WAIT);
      const links = await page
        .locator(".MuiDrawer-paper a")
        .evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
      expect(links).toEqual([
        "#/",
        "#/my-ngo",
        "#/my-ngo/change-requests",
        "#/my-requests",
        "#/my-training",
        "#/my-meetings",
      ]);
      await page.getByTestId("self-menu-myNgo").click();
      await page.getByTestId("my-ngo-name").waitFor(WAIT);
      expect(await noSidewaysScroll(page)).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, "self-service-my-ngo.png"), fullPage: true });

      // A contact field, changed directly.
      const address = "زنجان، خیابان سعدی شمالی، کوچه ۱۲، پلاک ۴";
      await page.getByRole("button", { name: "ویرایش نشانی و تماس" }).click();
      const contact = page.getByRole("dialog");
      await contact.getByLabel("نشانی").fill(address);
      await contact.getByRole("button", { name: "تأیید" }).click();
      await page.getByTestId("my-ngo-address").filter({ hasText: address }).waitFor(WAIT);
      const afterEdit = await suite.gql(token, `query($id: ID!) { ngo(id: $id) { address registrationNumber } }`, {
        id: ngoId,
      });
      expect(afterEdit.ngo.address).toBe(address);
      const registrationBefore = afterEdit.ngo.registrationNumber;

      // A board member added (the board is the NGO's to keep).
      await page.getByRole("button", { name: "ویرایش هیئت‌مدیره" }).click();
      const board = page.getByRole("dialog");
      await board.locator(".button-add").click();
      await board.getByLabel("نام و نام خانوادگی").last().fill("مریم احمدی");
      await board.getByLabel("سمت").last().click();
      await page.getByRole("option", { name: "عضو اصلی" }).click();
      await board.getByLabel("کد ملی").last().fill("0012345679");
      await board.getByRole("button", { name: "تأیید" }).click();
      await page.getByTestId("my-ngo-board").getByText("مریم احمدی").waitFor(WAIT);

      // A regulated field: a change request, nothing applied yet.
      await page.getByRole("button", { name: "درخواست اصلاح" }).click();
      const request = page.getByRole("dialog");
      await request.getByLabel("شماره ثبت تازه").fill("۷۷۳۱");
      await request.getByLabel("دلیل درخواست").fill("شماره ثبت پس از ثبت تغییرات اساسنامه عوض شده است");
      await request.getByLabel("مرجع مدرک (مثلاً شماره آگهی روزنامه رسمی)").fill("روزنامه رسمی ۲۲۱۴۵");
      await request.getByRole("button", { name: "تأیید" }).click();
      await page.getByText("درخواست اصلاح ثبت شد و برای بررسی فرستاده شد.").waitFor(WAIT);
      await page.goto(`${suite.stack.baseUrl}/#/my-ngo/change-requests`);
      await page.locator('[data-testid="change-request"][data-status="PENDING"]').waitFor(WAIT);
      expect(await noSidewaysScroll(page)).toBe(true);
      const pending = await suite.gql(token, `query($id: ID!) { ngo(id: $id) { registrationNumber } }`, {
        id: ngoId,
      });
      expect(pending.ngo.registrationNumber).toBe(registrationBefore);

      // The county officer approves it from their list of pending requests.
      const official = await signedIn("COUNTY_OFFICER");
      await official.goto(`${suite.stack.baseUrl}/#/ngo-change-requests`);
      const card = official.locator('[data-testid="change-request"][data-status="PENDING"]');
      await card.first().waitFor(WAIT);
      await card.first().getByRole("button", { name: "تأیید و اعمال" }).click();
      await official.getByRole("dialog").getByRole("button", { name: "تأیید" }).click();
      await official.getByText("درخواست تأیید و اعمال شد.").waitFor(WAIT);
      await official.getByText("درخواستی نیست.").waitFor(WAIT);
      const approved = await suite.gql(token, `query($id: ID!) { ngo(id: $id) { registrationNumber } }`, {
        id: ngoId,
      });
      expect(approved.ngo.registrationNumber).toBe("7731");

      // The representative sees the decision in the history.
      await page.reload();
      await page.locator('[data-testid="change-request"][data-status="APPROVED"]').waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "self-service-change-requests.png"), fullPage: true });
    },
    240_000,
  );
});
