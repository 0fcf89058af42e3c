import { toPersianDigits } from "@hamafza/common";
import { jalaliDateTimeText, jalaliDayText } from "../export/exportCells";
import { reportFonts } from "./pdfRenderer";

/** Text made safe for HTML. Every value printed in a report goes through this (or a formatter that does). */
export function esc(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A number in Persian digits with the Persian decimal separator (۶۴٫۸۲), no grouping. */
export function num(value: number | null | undefined, fractionDigits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value.toLocaleString("fa-IR", { maximumFractionDigits: fractionDigits, useGrouping: false });
}

export const day = (value: string | null | undefined) => (value ? jalaliDayText(value) : "—");
export const dayTime = (value: string | null | undefined) => (value ? jalaliDateTimeText(value) : "—");
export const digits = (value: string | number) => toPersianDigits(String(value));

/** A table: headers and rows of already-escaped cells; an empty table says so. */
export function table(headers: string[], rows: string[][], empty = "موردی ثبت نشده است."): string {
  if (rows.length === 0) return `<p class="empty">${empty}</p>`;
  const head = headers.map((h) => `<th>${h}</th>`).join("");
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Label–value pairs printed as a compact two-column block. */
export function facts(pairs: Array<[string, string]>): string {
  return `<dl>${pairs.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>`;
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
html { direction: rtl; }
body { font-family: Vazirmatn, sans-serif; font-size: 10.5pt; color: #111; line-height: 1.7; }
header { border-bottom: 2px solid #1f4e79; margin-bottom: 10pt; padding-bottom: 6pt; }
header .org { color: #1f4e79; font-weight: 700; font-size: 10pt; }
h1 { font-size: 16pt; margin: 2pt 0; }
h2 { font-size: 12pt; color: #1f4e79; margin: 14pt 0 4pt; }
.sub { color: #444; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #999; padding: 2pt 5pt; text-align: right; vertical-align: top; }
th { background: #e8eef5; font-weight: 700; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 4pt 0; }
dt { font-weight: 700; }
dd { margin: 0; }
.empty { color: #666; }
.note { white-space: pre-wrap; border: 1px solid #ccc; padding: 4pt 6pt; }
.bad { color: #b00020; font-weight: 700; }
footer { margin-top: 14pt; color: #666; font-size: 8.5pt; border-top: 1px solid #ccc; padding-top: 4pt; }
`;

/** Where the route puts its notice when part of the answer is missing (a service did not answer). */
export const PARTIAL_MARK = "<!--partial-->";

/** A whole printable page: RTL, the embedded font, a header with the report's title and a footer with its time. */
export function reportPage(title: string, subtitle: string, body: string, printedAt: Date): string {
  return `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>${reportFonts()}\n${STYLE}</style></head><body>
${PARTIAL_MARK}
<header><div class="org">سامانه هم‌افزا</div><h1>${esc(title)}</h1><div class="sub">${subtitle}</div></header>
${body}
<footer>تهیه‌شده در ${dayTime(printedAt.toISOString())} (به وقت تهران) از سامانه هم‌افزا</footer>
</body></html>`;
}
