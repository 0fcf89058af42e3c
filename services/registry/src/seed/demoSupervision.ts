import { addDays, stableId, tehranToday } from "@hamafza/common";
import { EntityManager, In } from "typeorm";
import { LicenceAction, LicenceEvent } from "../entities/LicenceEvent";
import { Ngo } from "../entities/Ngo";
import { SupervisionKind, SupervisionRecord } from "../supervision/SupervisionRecord";

/*
 * Demo supervision records (نظارت): every demo suspension is justified by a warning recorded a month before it (the
 * two linked both ways, as `suspendLicence(supervisionRecordId)` links them), and a few Zanjan NGOs have a
 * performance review or an inspection note, so the NGO page's supervision tab and the representatives' view of
 * their own records have something to show. Dates are relative to the day the demo data is loaded.
 */

const WARNING_TEXT =
  "گزارش مالی سالانه با وجود دو بار یادآوری در مهلت مقرر ارائه نشد. در صورت ارائه نکردن گزارش، پروانه فعالیت تعلیق خواهد شد.";

const ZANJAN_RECORDS: readonly { kind: SupervisionKind; daysAgo: number; text: string }[] = [
  {
    kind: SupervisionKind.REVIEW,
    daysAgo: 40,
    text: "بررسی عملکرد سالانه: برگزاری منظم مجمع عمومی، مشارکت در دو جلسه مسئله‌محور فرمانداری و اجرای طرح آموزش مهارت‌های زندگی برای نوجوانان.",
  },
  {
    kind: SupervisionKind.INSPECTION_NOTE,
    daysAgo: 25,
    text: "بازدید از دفتر سمن: دفتر فعال و پرونده اعضا به‌روز است؛ تابلوی مشخصات پروانه در محل نصب نشده بود که تذکر داده شد.",
  },
  {
    kind: SupervisionKind.REVIEW,
    daysAgo: 10,
    text: "بررسی گزارش فعالیت: همکاری با بهزیستی شهرستان در شناسایی خانوارهای نیازمند و برگزاری سه کارگاه توانمندسازی زنان سرپرست خانوار.",
  },
];

/** Adds the demo supervision records once the demo NGOs and their licences (with their history) are in. */
export async function loadDemoSupervision(em: EntityManager, ngos: readonly Ngo[], now = new Date()): Promise<void> {
  const today = tehranToday(now);
  const ngoOf = new Map(ngos.map((ngo) => [ngo.id, ngo]));
  const suspensions = await em.find(LicenceEvent, {
    where: { action: LicenceAction.SUSPEND, ngoId: In([...ngoOf.keys()]) },
    order: { id: "ASC" },
  });
  const territory = (ngo: Ngo) => ({ ngoId: ngo.id, provinceId: ngo.provinceId, countyId: ngo.countyId });

  const warnings = suspensions.map((event) =>
    Object.assign(new SupervisionRecord(), {
      id: stableId("supervision", `warning:${event.id}`),
      ...territory(ngoOf.get(event.ngoId)!),
      kind: SupervisionKind.WARNING,
      recordedOn: addDays(event.effectiveOn, -30),
      text: WARNING_TEXT,
      licenceEventId: event.id,
      activityReportId: null,
      createdBy: "demo.county",
    }),
  );
  const zanjan = ngos.filter((ngo) => ngo.countyId === "1901").slice(0, ZANJAN_RECORDS.length);
  const notes = zanjan.map((ngo, i) =>
    Object.assign(new SupervisionRecord(), {
      id: stableId("supervision", `demo:${ngo.nationalId}:${i}`),
      ...territory(ngo),
      kind: ZANJAN_RECORDS[i].kind,
      recordedOn: addDays(today, -ZANJAN_RECORDS[i].daysAgo),
      text: ZANJAN_RECORDS[i].text,
      licenceEventId: null,
      activityReportId: null,
      createdBy: "demo.county",
    }),
  );
  await em.insert(SupervisionRecord, [...warnings, ...notes]);
  for (const warning of warnings)
    await em.update(LicenceEvent, { id: warning.licenceEventId! }, { supervisionRecordId: warning.id });
}
