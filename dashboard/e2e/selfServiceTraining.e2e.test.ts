import { join } from "node:path";
import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { Page } from "playwright-core";
import { ARTIFACTS, browserIt, browserSuiteTitle, demoUser, useBrowserStack, WAIT } from "./browserStack";

/**
 * Issue 15 in headless Chromium: an NGO representative on a 390 px phone declares a training need of its NGO and
 * accepts an invitation to a meeting, with the attendee's name (docs/self-service.md, docs/training.md).
 */
const PHONE = { width: 390, height: 844 };

describe(
  browserSuiteTitle("NGO training needs and meeting invitations in headless Chromium", "self-service training"),
  () => {
    const suite = useBrowserStack("self_service_training");

    async function signedIn(role: string): Promise<Page> {
      const page = await (await suite.newContext()).newPage();
      await page.setViewportSize(PHONE);
      await suite.submitSignIn(page, demoUser(role).username);
      await page.getByTestId(`home-${role}`).waitFor(WAIT);
      return page;
    }

    const noSidewaysScroll = (page: Page) =>
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

    browserIt(
      "a representative declares a training need and accepts a meeting invitation at 390 px",
      async () => {
        const token = await login(suite.stack.baseUrl, demoUser("NGO_REPRESENTATIVE").username, DEMO_PASSWORD);
        const officer = await login(suite.stack.baseUrl, demoUser("COUNTY_OFFICER").username, DEMO_PASSWORD);
        const { me } = await suite.gql<{ me: { boundId: string } }>(token, `{ me { boundId } }`);
        const { createMeeting: meeting } = await suite.gql(
          officer,
          `mutation($input: MeetingCreateInput!) { createMeeting(input: $input) { id } }`,
          {
            input: {
              title: "نشست فصلی مسئله‌محور سمن‌های شهرستان زنجان",
              kind: "QUARTERLY_PROBLEM_CENTRED",
              provinceId: "19",
              countyId: "1901",
              scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
              attendees: [{ ngoId: me.boundId }],
            },
          },
        );

        const page = await signedIn("NGO_REPRESENTATIVE");
        await page.getByRole("button", { name: "باز کردن منو" }).click();
        await page.getByTestId("self-menu-training").click();
        await page.getByRole("button", { name: "اعلام نیاز آموزشی" }).click();
        const declare = page.getByRole("dialog");
        await declare.getByLabel("موضوع آموزشی").fill("جذب و نگهداشت داوطلبان");
        await declare.getByLabel("مخاطب (مثلاً اعضای هیئت‌مدیره)").fill("اعضای هیئت‌مدیره");
        await declare.getByRole("button", { name: "تأیید" }).click();
        await page.getByTestId("training-need").filter({ hasText: "جذب و نگهداشت داوطلبان" }).waitFor(WAIT);
        expect(await noSidewaysScroll(page)).toBe(true);
        await page.screenshot({ path: join(ARTIFACTS, "self-service-training.png"), fullPage: true });
        const needs = await suite.gql(
          token,
          `{ trainingNeeds(filter: { status: DECLARED }, limit: 100) { items { topic ngoId } } }`,
        );
        expect(needs.trainingNeeds.items).toContainEqual({ topic: "جذب و نگهداشت داوطلبان", ngoId: me.boundId });

        await page.goto(`${suite.stack.baseUrl}/#/my-meetings`);
        const invitation = page
          .getByTestId("meeting-invitation")
          .filter({ hasText: "نشست فصلی مسئله‌محور سمن‌های شهرستان زنجان" });
        await invitation.getByRole("button", { name: "شرکت می‌کنیم" }).click();
        const reply = page.getByRole("dialog");
        await reply.getByLabel("نام و نام خانوادگی شرکت‌کننده").fill("مریم احمدی");
        await reply.getByRole("button", { name: "تأیید" }).click();
        await invitation.getByText("مریم احمدی").waitFor(WAIT);
        expect(await noSidewaysScroll(page)).toBe(true);
        await page.screenshot({ path: join(ARTIFACTS, "self-service-meetings.png"), fullPage: true });
        const seen = await suite.gql(
          officer,
          `query($id: ID!) { meeting(id: $id) { attendance { ngoId reply replyName representativeName } } }`,
          {
            id: meeting.id,
          },
        );
        expect(seen.meeting.attendance).toEqual([
          { ngoId: me.boundId, reply: "ATTENDING", replyName: "مریم احمدی", representativeName: "مریم احمدی" },
        ]);
      },
      180_000,
    );
  },
);
