import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withClient } from "@hamafza/common";
import { ARTIFACTS, browserIt, browserSuiteTitle, demoUser, useBrowserStack, WAIT } from "./browserStack";

/**
 * The attachments panel in headless Chromium: a county officer uploads minutes to a meeting of the county, sees it
 * listed, downloads it back (same bytes, Persian name); an analyst sees the list but no upload.
 */
// The gateway of this suite's stack stores contents here (read from the settings when it starts).
const storageDir = mkdtempSync(join(tmpdir(), "hamafza-e2e-attachments-"));
process.env.HAMAFZA_ATTACHMENT_DIR = storageDir;
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

describe(browserSuiteTitle("attachments in headless Chromium", "attachments"), () => {
  const suite = useBrowserStack("attachmentse2e");

  async function signedIn(role: string) {
    const user = demoUser(role);
    const page = await (await suite.newContext()).newPage();
    await suite.submitSignIn(page, user.username);
    await page.waitForURL((url) => !url.hash.startsWith("#/login"), WAIT);
    return page;
  }

  browserIt(
    "a county officer uploads minutes to a meeting and downloads them; an analyst only lists them",
    async () => {
      const [meeting] = await withClient(
        suite.database.adminUrl,
        async (client) =>
          (
            await client.query(
              `SELECT id FROM engagement.meeting WHERE county_id = '1901' ORDER BY scheduled_at DESC LIMIT 1`,
            )
          ).rows,
      );
      expect(meeting).toBeDefined();
      const minutes = Buffer.from("%PDF-1.4\n% minutes of the meeting\n%%EOF\n");
      // No ZWNJ in the name: Chromium writes it as "_" in the downloaded file's name.
      const name = "گزارش نشست فصل پاییز.pdf";

      const page = await signedIn("COUNTY_OFFICER");
      await page.goto(`${suite.stack.baseUrl}/#/meetings/${meeting.id}/show`);
      const panel = page.getByTestId("attachments-panel");
      await panel.getByText("پیوستی ندارد.").waitFor(WAIT);
      const uploaded = page.waitForResponse((response) => response.url().includes("/attachments?"));
      await panel.getByTestId("attachment-file").setInputFiles({ name, mimeType: "application/pdf", buffer: minutes });
      expect((await uploaded).status()).toBe(201);
      await panel.getByText(name).waitFor(WAIT);
      await panel.getByRole("cell", { name: "صورت‌جلسه", exact: true }).waitFor(WAIT);
      await page.screenshot({ path: join(ARTIFACTS, "attachments-panel.png"), fullPage: true });

      const download = page.waitForEvent("download", WAIT);
      await panel.getByRole("button", { name: "دریافت" }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(name);
      expect(readFileSync((await file.path())!).equals(minutes)).toBe(true);

      const analyst = await signedIn("ANALYST");
      await analyst.goto(`${suite.stack.baseUrl}/#/meetings/${meeting.id}/show`);
      const analystPanel = analyst.getByTestId("attachments-panel");
      await analystPanel.getByText(name).waitFor(WAIT);
      expect(await analystPanel.getByRole("button", { name: "بارگذاری پرونده" }).count()).toBe(0);
      expect(await analystPanel.getByRole("button", { name: "حذف پیوست" }).count()).toBe(0);
    },
    120_000,
  );
});
