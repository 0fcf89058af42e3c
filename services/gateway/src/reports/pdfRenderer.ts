import { existsSync, readFileSync } from "node:fs";
import { logger } from "@hamafza/common";
import type { Browser } from "playwright-core";

/** Why a PDF could not be made: no browser on this machine (a deployment matter), or the renderer failed. */
export class PdfUnavailable extends Error {}

export interface PdfRenderer {
  /** The PDF of one self-contained HTML page (A4, printed backgrounds, the page's own margins). */
  render(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** Vazirmatn (the dashboard's font), embedded so the PDF needs no font on the server and no network. */
function fontFaces(): string {
  const face = (weight: 400 | 700) => {
    const file = require.resolve(`@fontsource/vazirmatn/files/vazirmatn-arabic-${weight}-normal.woff2`);
    const data = readFileSync(file).toString("base64");
    return `@font-face{font-family:Vazirmatn;font-weight:${weight};src:url(data:font/woff2;base64,${data}) format("woff2");}`;
  };
  const latin = (weight: 400 | 700) => {
    const file = require.resolve(`@fontsource/vazirmatn/files/vazirmatn-latin-${weight}-normal.woff2`);
    const data = readFileSync(file).toString("base64");
    return `@font-face{font-family:Vazirmatn;font-weight:${weight};src:url(data:font/woff2;base64,${data}) format("woff2");unicode-range:U+0000-00FF;}`;
  };
  return [face(400), face(700), latin(400), latin(700)].join("\n");
}

let fonts: string | undefined;
/** The `@font-face` rules every report page carries (read once). */
export function reportFonts(): string {
  fonts ??= fontFaces();
  return fonts;
}

/**
 * Prints HTML to PDF with the Debian Chromium the deployment installs (`HAMAFZA_CHROMIUM_PATH`): one browser
 * launched on first use and kept, a fresh context per report with JavaScript and the network off (the page is
 * self-contained), at most `concurrency` pages at once, and a time limit per report.
 */
export function chromiumPdfRenderer(executablePath: string, concurrency: number, timeoutMs = 30_000): PdfRenderer {
  let browser: Promise<Browser> | undefined;
  let running = 0;
  const waiting: Array<() => void> = [];

  const launch = (): Promise<Browser> => {
    if (!existsSync(executablePath))
      return Promise.reject(new PdfUnavailable(`Chromium is missing at ${executablePath}`));
    // playwright-core is loaded on the first report, not at start: ≈ 28 MB of heap (its bundled sources) that every
    // gateway held for a feature most never use (docs/performance.md, issue 13 fifth round).
    browser ??= (require("playwright-core") as typeof import("playwright-core")).chromium
      .launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] })
      .then((started) => {
        started.on("disconnected", () => (browser = undefined));
        return started;
      })
      .catch((error: unknown) => {
        browser = undefined;
        throw new PdfUnavailable(`Chromium did not start: ${String(error)}`);
      });
    return browser;
  };

  const slot = async () => {
    if (running < concurrency) {
      running += 1;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };

  return {
    async render(html) {
      await slot();
      try {
        const context = await (await launch()).newContext({ javaScriptEnabled: false, offline: true });
        try {
          const page = await context.newPage();
          page.setDefaultTimeout(timeoutMs);
          await page.setContent(html, { waitUntil: "load", timeout: timeoutMs });
          await page.evaluateHandle("document.fonts.ready").catch(() => undefined);
          return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
        } finally {
          await context.close().catch((error: unknown) => logger.warn({ err: error }, "[gateway] PDF context close"));
        }
      } finally {
        release();
      }
    },
    async close() {
      const started = browser;
      browser = undefined;
      if (started) await (await started.catch(() => undefined))?.close();
    },
  };
}
