import { PublicNgo, PublicNgoPage, toPersianDigits } from "@hamafza/common";
import { jalaliDayText } from "../export/exportCells";
import { esc } from "../reports/reportPage";

const STATE_LABELS: Record<string, string> = {
  ACTIVE: "معتبر",
  EXPIRING: "معتبر (رو به پایان)",
  EXPIRED: "منقضی",
  SUSPENDED: "تعلیق‌شده",
  REVOKED: "لغوشده",
};

const STYLE = `
html { direction: rtl; }
body { font-family: Vazirmatn, Tahoma, sans-serif; margin: 0 auto; max-width: 960px; padding: 12px; color: #111; }
h1 { font-size: 1.4rem; color: #1f4e79; }
form { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
input { font: inherit; padding: 6px 8px; min-width: 0; flex: 1 1 200px; }
button { font: inherit; padding: 6px 16px; }
.ngo { border: 1px solid #ccc; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.ngo h2 { font-size: 1.05rem; margin: 0 0 4px; }
.muted { color: #555; font-size: 0.9rem; }
.bad { color: #b00020; font-weight: bold; }
.good { color: #1b5e20; font-weight: bold; }
nav { margin: 12px 0; display: flex; gap: 16px; }
`;

function licenceText(licence: PublicNgo["licence"]): string {
  if (!licence) return `<span class="bad">بدون پروانه ثبت‌شده</span>`;
  const state = STATE_LABELS[licence.state] ?? licence.state;
  const tone = licence.state === "ACTIVE" || licence.state === "EXPIRING" ? "good" : "bad";
  return `<span class="${tone}">${esc(state)}</span> — پروانه شماره ${esc(toPersianDigits(licence.number))}، صادره ${jalaliDayText(licence.issuedOn)}، معتبر تا ${jalaliDayText(licence.expiresOn)}`;
}

/**
 * The public register's page (no sign-in, no script): a search by name and the NGOs found, with their fields,
 * county and licence. Everything printed goes through one escaping function.
 */
export function publicRegisterHtml(
  search: { q?: string; offset: number; limit: number },
  page: PublicNgoPage | null,
): string {
  const items = page?.items ?? [];
  const results = !page
    ? `<p class="bad">فهرست عمومی اکنون در دسترس نیست؛ کمی بعد دوباره تلاش کنید.</p>`
    : items.length === 0
      ? `<p>سمنی با این مشخصات در فهرست عمومی نیست.</p>`
      : items
          .map(
            (ngo) => `<div class="ngo"><h2>${esc(ngo.name)}</h2>
<div class="muted">${esc(ngo.county)}، ${esc(ngo.province)}${ngo.fieldsOfActivity.length ? ` — ${esc(ngo.fieldsOfActivity.join("، "))}` : ""}</div>
<div>${licenceText(ngo.licence)}</div></div>`,
          )
          .join("\n");
  const link = (offset: number) =>
    `?${new URLSearchParams({ ...(search.q ? { q: search.q } : {}), offset: String(offset) }).toString()}`;
  const nav = page
    ? `<nav>${search.offset > 0 ? `<a href="${esc(link(Math.max(0, search.offset - search.limit)))}">صفحه قبل</a>` : ""}
${search.offset + search.limit < page.totalCount ? `<a href="${esc(link(search.offset + search.limit))}">صفحه بعد</a>` : ""}
<span class="muted">${toPersianDigits(page.totalCount)} سمن</span></nav>`
    : "";
  return `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>فهرست عمومی سمن‌های دارای پروانه</title>
<style>${STYLE}</style></head><body>
<h1>فهرست عمومی سمن‌های دارای پروانه</h1>
<p class="muted">سمن‌هایی که با رضایت خود در این فهرست آمده‌اند؛ برای گواهی پروانه و شناسایی رسمی. اطلاعات تماس و اشخاص در این فهرست نیست.</p>
<form method="get" action="/public"><input name="q" value="${search.q ? esc(search.q) : ""}" placeholder="نام سمن" aria-label="نام سمن"><button type="submit">جست‌وجو</button></form>
${results}
${nav}
</body></html>`;
}
