import { randomInt } from "node:crypto";
import { join } from "node:path";
import { login } from "@hamafza/common";
import { DEMO_PASSWORD } from "@hamafza/identity";
import { legalNationalId } from "@hamafza/registry";
import { Page } from "playwright-core";
import { ARTIFACTS, browserIt, browserSuiteTitle, graphQLErrorsOf, useBrowserStack, WAIT } from "./browserStack";

/**
 * Merging duplicate NGOs from the dashboard (docs/merging.md) in real headless Chromium against the real stack: an
 * administrator merges a candidate pair and is told it is done; with the engagement service down, a merge and an
 * undo still stand but the page warns that the meetings part follows when engagement is back (the registry's job
 * tells it then), instead of the plain success.
 */
const browserDescribe = browserSuiteTitle("merging duplicate NGOs in headless Chromium", "NGO merge");

const MERGED = "دو سمن ادغام شدند.";
const MERGED_LATER = "دو سمن ادغام شدند. بخش نشست‌ها اکنون در دسترس نیست";
const UNDONE_LATER = "ادغام برگردانده شد. بخش نشست‌ها اکنون در دسترس نیست";

interface Ngo {
  id: string;
  name: string;
  nationalId: string;
}

describe(browserDescribe, () => {
  const suite = useBrowserStack("ngomergeui");
  const { gql } = suite;

  /** A second record of a demo NGO of county 1901: the same name in county 1902 (SAME_NAME_OTHER_COUNTY). */
  async function duplicateOf(token: string, original: Ngo): Promise<Ngo> {
    const nationalId = legalNationalId(`149${String(randomInt(0, 10_000_000)).padStart(7, "0")}`);
    const { createNgo } = await gql(
      token,
      `mutation($input: NgoCreateInput!) { createNgo(input: $input) { id name nationalId } }`,
      { input: { name: original.name, countyId: "1902", nationalId, foundedOn: "2012-05-01" } },
    );
    return createNgo;
  }

  const statusOf = async (token: string, id: string) =>
    (await gql(token, `query($id: ID!) { ngo(id: $id) { status mergedInto { id } } }`, { id })).ngo;

  /** Merges the pair shown in the row of `duplicate` (by its national id), keeping the first side. */
  async function mergeRow(page: Page, duplicate: Ngo, reason: string) {
    const row = page.getByTestId("duplicates").getByRole("row").filter({ hasText: duplicate.nationalId });
    await row.getByRole("button", { name: "ادغام" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("heading", { name: "ادغام دو سمن تکراری" }).waitFor(WAIT);
    await dialog.getByLabel("دلیل").fill(reason);
    await dialog.getByRole("button", { name: "ادغام" }).click();
    await dialog.waitFor({ state: "detached", ...WAIT });
  }

  browserIt(
    "merges with a plain success while engagement answers, and warns when it is down",
    async () => {
      const token = await login(suite.stack.baseUrl, "demo.admin", DEMO_PASSWORD);
      const { ngos } = await gql(
        token,
        `{ ngos(filter: { countyId: "1901" }, limit: 2, sort: { field: "name", order: ASC }) { items { id name nationalId } } }`,
      );
      const [first, second] = ngos.items as Ngo[];
      const firstCopy = await duplicateOf(token, first);
      const secondCopy = await duplicateOf(token, second);

      const context = await suite.newContext();
      const page = await context.newPage();
      const graphQLErrors = graphQLErrorsOf(page);
      await suite.submitSignIn(page, "demo.admin");
      await page.locator('a.RaMenuItemLink-root[href="#/ngos"]').waitFor(WAIT);
      await page.goto(`${suite.stack.baseUrl}/#/ngo-duplicates`);
      await page.getByRole("heading", { name: "سمن‌های احتمالاً تکراری", level: 1 }).waitFor(WAIT);
      await page.getByText(firstCopy.nationalId).waitFor(WAIT);
      await page.getByText(secondCopy.nationalId).waitFor(WAIT);

      // Engagement answers: the plain success, and the merge is listed.
      await mergeRow(page, firstCopy, "یک سمن با دو شناسه ثبت شده است");
      await page.getByText(MERGED, { exact: true }).waitFor(WAIT);
      const merges = page.getByTestId("ngo-merges");
      await merges.getByRole("row").filter({ hasText: "یک سمن با دو شناسه ثبت شده است" }).waitFor(WAIT);
      const firstPair = [first.id, firstCopy.id];
      const mergedFirst = await Promise.all(firstPair.map((id) => statusOf(token, id)));
      expect(mergedFirst.map((ngo) => ngo.status).sort()).toEqual(["ACTIVE", "MERGED"]);
      expect(graphQLErrors).toEqual([]);

      // Engagement down: the merge stands, and the page says the meetings part follows.
      await suite.stack.stopSubgraph("engagement");
      await mergeRow(page, secondCopy, "ثبت تکراری در شهرستان دیگر");
      await page.getByText(MERGED_LATER).waitFor(WAIT);
      expect(await page.getByText(MERGED, { exact: true }).count()).toBe(0);
      const secondPair = await Promise.all([second.id, secondCopy.id].map((id) => statusOf(token, id)));
      expect(secondPair.map((ngo) => ngo.status).sort()).toEqual(["ACTIVE", "MERGED"]);
      await page.screenshot({ path: join(ARTIFACTS, "ngo-merge-engagement-down.png"), fullPage: true });

      // Undo of the first merge while engagement is still down: undone, with the same kind of warning.
      const firstMergeRow = merges.getByRole("row").filter({ hasText: "یک سمن با دو شناسه ثبت شده است" });
      await firstMergeRow.getByRole("button", { name: "برگرداندن ادغام" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("دلیل").fill("دو سمن جدا بودند");
      await dialog.getByRole("button", { name: "برگرداندن ادغام" }).click();
      await page.getByText(UNDONE_LATER).waitFor(WAIT);
      const undone = await Promise.all(firstPair.map((id) => statusOf(token, id)));
      expect(undone.map((ngo) => ngo.status)).toEqual(["ACTIVE", "ACTIVE"]);
    },
    180_000,
  );
});
