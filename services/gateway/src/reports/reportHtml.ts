import { label } from "./reportLabels";
import { CountyQuarterReportData, MeetingReportData, ScorecardReportData } from "./reportQueries";
import { day, dayTime, digits, esc, facts, num, reportPage, table } from "./reportPage";

/** A meeting's minutes: the meeting, who attended, the agenda, the resolutions and the minutes' text. */
export function meetingReportHtml(meeting: MeetingReportData, printedAt: Date): string {
  const place = [meeting.county?.name, meeting.county?.province?.name].filter(Boolean).join("، ");
  const body = [
    facts([
      ["نوع جلسه", esc(label("meetingKind", meeting.kind))],
      ["وضعیت", esc(label("meetingStatus", meeting.status))],
      ["زمان", dayTime(meeting.heldAt ?? meeting.scheduledAt)],
      ["محل", esc(meeting.venue)],
      ["شهرستان / استان", esc(place)],
      ["رئیس جلسه", esc(meeting.chair ? `${meeting.chair.name} (${meeting.chair.position})` : null)],
      ["دستگاه برگزارکننده", esc(meeting.organisingAgency?.name)],
      ...(meeting.cancellationReason
        ? ([["علت لغو", esc(meeting.cancellationReason)]] as Array<[string, string]>)
        : []),
    ]),
    `<h2>حاضران از سمن‌ها (${num(meeting.attendance.length)})</h2>`,
    table(
      ["ردیف", "سمن", "نماینده", "مجوز"],
      meeting.attendance.map((row, i) => [
        num(i + 1),
        esc(row.ngo?.name),
        esc(row.representativeName),
        row.licenceFlagged ? `<span class="bad">فاقد مجوز معتبر در تاریخ جلسه</span>` : "معتبر",
      ]),
    ),
    `<h2>مقامات و مدیران</h2>`,
    table(
      ["نام", "سمت", "دستگاه", "نقش در جلسه"],
      meeting.officials.map((row) => [
        esc(row.manager?.name),
        esc(row.manager?.position),
        esc(row.agency?.name),
        esc(row.role),
      ]),
    ),
    `<h2>دستور جلسه</h2>`,
    table(
      ["ردیف", "موضوع", "آسیب اجتماعی", "توضیح"],
      [...meeting.agendaItems]
        .sort((a, b) => a.position - b.position)
        .map((item) => [num(item.position), esc(item.topic), esc(item.socialHarm?.name), esc(item.notes)]),
    ),
    `<h2>مصوبات (${num(meeting.resolutions.length)})</h2>`,
    table(
      ["ردیف", "متن مصوبه", "مسئول", "مهلت", "وضعیت پیگیری"],
      meeting.resolutions.map((row, i) => [
        num(i + 1),
        esc(row.text),
        esc(row.ownerAgency?.name ?? row.ownerManager?.name),
        day(row.deadline),
        esc(label("followUp", row.followUpStatus)),
      ]),
    ),
    `<h2>متن صورت‌جلسه</h2>`,
    meeting.minutes ? `<div class="note">${esc(meeting.minutes)}</div>` : `<p class="empty">متنی ثبت نشده است.</p>`,
  ].join("\n");
  return reportPage(`صورت‌جلسه: ${meeting.title}`, esc(label("meetingKind", meeting.kind)), body, printedAt);
}

/** A manager's scorecard: totals, grade and ranks, each indicator with its evidence, and the adjustments. */
export function scorecardReportHtml(result: ScorecardReportData, printedAt: Date): string {
  const where = [result.manager?.county?.name, result.manager?.province?.name].filter(Boolean).join("، ");
  const indicators = result.indicators.map((indicator) =>
    [
      `<h2>${esc(indicator.title)}</h2>`,
      facts([
        ["صورت / مخرج", `${num(indicator.numerator, 2)} / ${num(indicator.denominator, 2)}`],
        ["مقدار", `${num(indicator.raw, 2)} ${esc(indicator.unit)}`],
        ["هدف (متناسب با دوره تصدی)", `${num(indicator.proratedTarget, 2)} ${esc(indicator.unit)}`],
        ["تحقق", `${num(indicator.achievement, 1)}٪`],
        indicator.applicable
          ? [
              "امتیاز × وزن",
              `${num(indicator.score, 2)} × ${num(indicator.appliedWeight, 2)} = ${num(indicator.contribution, 2)}`,
            ]
          : ["امتیاز", `موضوعیت ندارد — ${esc(indicator.notApplicableReason)}`],
      ]),
      table(
        ["نوع", "شاهد", "تاریخ", "شمرده شد", "دلیل"],
        indicator.evidence.map((row) => [
          esc(label("evidence", row.kind)),
          esc(row.label),
          day(row.date),
          row.counted ? "بله" : `<span class="bad">خیر</span>`,
          esc(row.reasons.join("، ") || null),
        ]),
        "شاهدی برای این شاخص نیست.",
      ),
    ].join("\n"),
  );
  const body = [
    facts([
      ["مدیر", esc(result.managerName)],
      ["سمت", esc(result.position)],
      ["دستگاه", esc(result.manager?.agency?.name)],
      ["شهرستان / استان", esc(where)],
      ["امتیاز محاسبه‌شده", `${num(result.total, 2)} (${esc(label("grade", result.grade))})`],
      ["امتیاز پس از تعدیل", `${num(result.adjustedTotal, 2)} (${esc(label("grade", result.adjustedGrade))})`],
      ["رتبه در استان / کشور", `${num(result.provinceRank)} / ${num(result.nationalRank)}`],
      ["انتشار", result.publishedAt ? day(result.publishedAt) : "منتشر نشده"],
    ]),
    ...indicators,
    `<h2>تعدیل‌ها</h2>`,
    table(
      ["امتیاز", "توجیه", "زمان"],
      result.adjustments.map((row) => [num(row.points, 2), esc(row.justification), dayTime(row.adjustedAt)]),
      "تعدیلی ثبت نشده است.",
    ),
  ].join("\n");
  return reportPage(
    `کارنامه ارزیابی ${digits(result.year)}: ${result.managerName}`,
    esc(result.position),
    body,
    printedAt,
  );
}

/** The quarterly engagement report of a county: meetings of the quarter, the quarter's rule, overdue resolutions. */
export function countyQuarterReportHtml(
  data: CountyQuarterReportData,
  year: number,
  quarter: number,
  printedAt: Date,
): string {
  const meetings = data.meetings?.items ?? [];
  const held = meetings.filter((m) => m.status === "HELD");
  const problemCentred = held.filter((m) => m.kind === "QUARTERLY_PROBLEM_CENTRED" && m.countsAsEngagement);
  const resolutions = meetings.flatMap((m) => m.resolutions);
  const done = resolutions.filter((r) => r.followUpStatus === "DONE").length;
  const more = (page: { totalCount: number; items: unknown[] } | null) =>
    page && page.totalCount > page.items.length
      ? `<p class="empty">${num(page.totalCount - page.items.length)} مورد دیگر در این گزارش نیامده است.</p>`
      : "";
  const body = [
    facts([
      ["جلسات این فصل", num(data.meetings?.totalCount ?? 0)],
      ["برگزارشده", num(held.length)],
      [
        "نشست فصلی مسئله‌محور با سمن‌ها",
        problemCentred.length > 0 ? `برگزار شد (${num(problemCentred.length)})` : `<span class="bad">برگزار نشد</span>`,
      ],
      ["مصوبات جلسات این فصل", `${num(resolutions.length)} (انجام‌شده: ${num(done)})`],
      ["مصوبات معوق شهرستان", num(data.resolutions?.totalCount ?? 0)],
    ]),
    `<h2>جلسات فصل</h2>`,
    table(
      ["زمان", "عنوان", "نوع", "وضعیت", "سمن‌های حاضر", "مصوبات"],
      meetings.map((m) => [
        dayTime(m.scheduledAt),
        esc(m.title),
        esc(label("meetingKind", m.kind)),
        esc(label("meetingStatus", m.status)),
        num(m.ngoCount),
        num(m.resolutions.length),
      ]),
      "در این فصل جلسه‌ای ثبت نشده است.",
    ),
    more(data.meetings),
    `<h2>مصوبات معوق</h2>`,
    table(
      ["متن مصوبه", "جلسه", "مسئول", "مهلت", "روز تأخیر"],
      (data.resolutions?.items ?? []).map((r) => [
        esc(r.text),
        esc(r.meeting?.title),
        esc(r.ownerAgency?.name),
        day(r.deadline),
        num(r.daysOverdue),
      ]),
      "مصوبه معوقی نیست.",
    ),
    more(data.resolutions),
  ].join("\n");
  const place = [data.county?.name, data.county?.province?.name].filter(Boolean).join("، ");
  return reportPage(
    `گزارش فصلی تعامل با سمن‌ها: ${place}`,
    `فصل ${digits(quarter)} سال ${digits(year)}`,
    body,
    printedAt,
  );
}
