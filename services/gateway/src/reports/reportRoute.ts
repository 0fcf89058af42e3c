import { ErrorCode, isSupportedJalaliYear, logger, sendError, UNSUPPORTED_JALALI_YEAR_MESSAGE } from "@hamafza/common";
import express from "express";
import { FormattedExecutionResult } from "graphql";
import { RunOperation } from "../export/exportRoute";
import { attachmentDisposition } from "../listDownload";
import { countyQuarterReportHtml, meetingReportHtml, scorecardReportHtml } from "./reportHtml";
import { PdfRenderer, PdfUnavailable } from "./pdfRenderer";
import { PARTIAL_MARK } from "./reportPage";
import {
  COUNTY_QUARTER_REPORT_QUERY,
  CountyQuarterReportData,
  MEETING_REPORT_QUERY,
  MeetingReportData,
  SCORECARD_REPORT_QUERY,
  ScorecardReportData,
} from "./reportQueries";

/** One printable report: its operation, how its variables come from the request, and how its data is printed. */
interface ReportKind {
  query: string;
  /** The variables, or a Persian message saying what is wrong with the request. */
  variables(id: string, query: express.Request["query"]): Record<string, unknown> | string;
  /** The page, or null when the record is not there (or not the caller's to see). */
  html(data: Record<string, unknown>, variables: Record<string, unknown>, printedAt: Date): string | null;
  fileName(variables: Record<string, unknown>): string;
  notFound: string;
}

const KINDS: Record<string, ReportKind> = {
  meetings: {
    query: MEETING_REPORT_QUERY,
    variables: (id) => ({ id }),
    html: (data, _v, at) => (data.meeting ? meetingReportHtml(data.meeting as MeetingReportData, at) : null),
    fileName: (v) => `صورت‌جلسه-${String(v.id).slice(0, 8)}`,
    notFound: "چنین جلسه‌ای پیدا نشد یا در قلمرو شما نیست.",
  },
  "evaluation-results": {
    query: SCORECARD_REPORT_QUERY,
    variables: (id) => ({ id }),
    html: (data, _v, at) =>
      data.evaluationResult ? scorecardReportHtml(data.evaluationResult as ScorecardReportData, at) : null,
    fileName: (v) => `کارنامه-${String(v.id).slice(0, 8)}`,
    notFound: "چنین نتیجه ارزیابی‌ای پیدا نشد یا در قلمرو شما نیست.",
  },
  counties: {
    query: COUNTY_QUARTER_REPORT_QUERY,
    variables: (id, query) => {
      const year = Number(query.year);
      const quarter = Number(query.quarter);
      if (!Number.isInteger(year) || !isSupportedJalaliYear(year)) return UNSUPPORTED_JALALI_YEAR_MESSAGE;
      if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) return "فصل باید عددی از ۱ تا ۴ باشد.";
      return { id, year, quarter };
    },
    html: (data, v, at) =>
      data.county
        ? countyQuarterReportHtml(data as unknown as CountyQuarterReportData, Number(v.year), Number(v.quarter), at)
        : null,
    fileName: (v) => `گزارش-فصلی-${String(v.year)}-${String(v.quarter)}`,
    notFound: "چنین شهرستانی پیدا نشد یا در قلمرو شما نیست.",
  },
};

const STATUS_OF: Record<string, number> = { FORBIDDEN: 403, UNAUTHENTICATED: 401, NOT_FOUND: 404, BAD_USER_INPUT: 400 };
const PARTIAL_NOTICE =
  "بخشی از داده‌های این گزارش اکنون در دسترس نبود و با «—» آمده است؛ برای گزارش کامل کمی بعد دوباره بگیرید.";
const FILE = /^([A-Za-z0-9-]{1,64})\.(pdf|html)$/;

/**
 * GET /reports/<kind>/<id>.pdf — a printable Persian report, made from the caller's own GraphQL answer (so their
 * territory applies) and printed by Chromium: `meetings/<id>` (minutes with attendance, agenda and resolutions),
 * `evaluation-results/<id>` (a manager's scorecard with its evidence), `counties/<id>?year=&quarter=` (the
 * quarterly engagement report). `.html` instead of `.pdf` returns the same page for the browser to print.
 */
export function reportRoute(run: RunOperation, renderer: PdfRenderer): express.RequestHandler {
  return async (req, res) => {
    const kind = KINDS[String(req.params.kind)];
    const file = FILE.exec(String(req.params.file));
    if (!kind || !file)
      return sendError(res, 404, ErrorCode.NOT_FOUND, "چنین گزارشی نیست؛ نشانی گزارش را از داشبورد بگیرید.");
    const variables = kind.variables(file[1]!, req.query);
    if (typeof variables === "string") return sendError(res, 400, ErrorCode.BAD_USER_INPUT, variables);

    const result: FormattedExecutionResult = await run(kind.query, variables, res);
    const refusal = result.errors?.find((error) => STATUS_OF[String(error.extensions?.code)]);
    if (refusal) return res.status(STATUS_OF[String(refusal.extensions?.code)]!).json({ errors: [refusal] });
    let html = result.data ? kind.html(result.data as Record<string, unknown>, variables, new Date()) : null;
    if (result.errors?.length && !html) return res.status(503).json({ errors: result.errors });
    if (!html) return sendError(res, 404, ErrorCode.NOT_FOUND, kind.notFound);

    if (result.errors?.length) html = html.replace(PARTIAL_MARK, `<p class="bad">${PARTIAL_NOTICE}</p>`);
    res.setHeader("cache-control", "private, no-store");
    if (file[2]!.toLowerCase() === "html") return res.type("text/html; charset=utf-8").send(html);
    try {
      const pdf = await renderer.render(html);
      const name = `${kind.fileName(variables)}.pdf`;
      res.setHeader("content-type", "application/pdf");
      res.setHeader("content-disposition", attachmentDisposition(name, "inline"));
      res.send(pdf);
    } catch (error) {
      logger.warn({ err: error }, "[gateway] report not printed");
      const message =
        error instanceof PdfUnavailable
          ? "چاپ PDF روی این سرور فعال نیست (Chromium نصب نیست)؛ نسخه HTML گزارش را باز کنید و از مرورگر چاپ بگیرید."
          : "ساختن PDF اکنون ممکن نشد؛ کمی بعد دوباره تلاش کنید.";
      sendError(res, 503, ErrorCode.SERVICE_UNAVAILABLE, message);
    }
  };
}
