import { jalaliQuarterRange, normalizePersian } from "@hamafza/common";
import { DataSource } from "typeorm";
import { Meeting, MeetingKind, MeetingStatus } from "../entities/Meeting";
import { MeetingAttendance } from "../entities/MeetingAttendance";
import { MeetingOfficial } from "../entities/MeetingOfficial";
import { countyGovernorateOf } from "./demoIds";
import { REPRESENTATIVES } from "./demoShared";
import { loadEngagementDomainDemo } from "./domainDemo";

const TOPICS = [
  "پیشگیری از اعتیاد در محلات حاشیه‌ای",
  "بیمه اعضای سمن‌ها",
  "اشتغال معلولان",
  "کودکان کار",
  "مشارکت جوانان",
  "طلاق و تحکیم خانواده",
];

/** What the demo needs to know of the registry's demo records (passed in by the runner). */
export interface EngagementDemoInput {
  ngos: { id: string; countyId: string; status: string }[];
  managers: { id: string; provinceId: string; countyId: string | null }[];
}

/**
 * Demo meetings for Jalali 1404: every demo county governor holds problem-centred meetings in some quarters
 * (not all, so the evaluation has something to tell), attended by the active NGOs of the county; then the rest of
 * the engagement demo (agenda, resolutions, working groups, projects, proposals, demands; see domainDemo.ts).
 */
export async function loadEngagementDemoData(db: DataSource, demo: EngagementDemoInput): Promise<{ meetings: number }> {
  let added = 0;
  if ((await db.getRepository(Meeting).count()) === 0) added += await loadDemoMeetings(db, demo);
  added += await loadEngagementDomainDemo(db, demo);
  return { meetings: added };
}

async function loadDemoMeetings(db: DataSource, demo: EngagementDemoInput): Promise<number> {
  const ngos = demo.ngos.filter((n) => n.status === "ACTIVE");
  const managers = demo.managers.filter((m) => m.countyId);
  const meetings: Meeting[] = [];
  const attendance: Partial<MeetingAttendance>[] = [];
  managers.forEach((manager, index) => {
    const attendees = ngos.filter((n) => n.countyId === manager.countyId);
    for (let quarter = 1; quarter <= 4; quarter++) {
      if ((index + quarter) % 3 === 0) continue; // some quarters without a meeting
      const { start } = jalaliQuarterRange(1404, quarter);
      const scheduledAt = new Date(start.getTime() + (20 + index) * 86_400_000 + 6.5 * 3_600_000);
      const held = scheduledAt.getTime() < Date.now();
      const title = `نشست مسئله‌محور فصل ${quarter.toLocaleString("fa-IR")}: ${TOPICS[(index + quarter) % TOPICS.length]}`;
      const meeting = Object.assign(new Meeting(), {
        title,
        titleNormalized: normalizePersian(title),
        kind: MeetingKind.QUARTERLY_PROBLEM_CENTRED,
        provinceId: manager.provinceId,
        countyId: manager.countyId,
        chairId: manager.id,
        organisingAgencyId: countyGovernorateOf(manager.countyId!),
        venue: "سالن جلسات فرمانداری",
        venueNgoHouseId: null,
        workingGroupId: null,
        scheduledAt,
        heldAt: held ? scheduledAt : null,
        status: held ? MeetingStatus.HELD : MeetingStatus.PLANNED,
        cancellationReason: null,
        minutes: held ? "مسائل مطرح‌شده بررسی و مصوبات برای پیگیری ثبت شد." : null,
      });
      meetings.push(meeting);
      if (held)
        attendees.forEach((ngo, i) =>
          attendance.push({
            meeting,
            ngoId: ngo.id,
            representativeName: REPRESENTATIVES[(index + quarter + i) % REPRESENTATIVES.length],
          }),
        );
    }
  });
  await db.transaction(async (em) => {
    await em.save(meetings, { chunk: 200 });
    await em.insert(
      MeetingAttendance,
      attendance.map((a) => ({
        meetingId: a.meeting!.id,
        ngoId: a.ngoId!,
        representativeName: a.representativeName ?? null,
      })),
    );
    await em.insert(
      MeetingOfficial,
      meetings.map((m) => ({
        meetingId: m.id,
        managerId: m.chairId!,
        agencyId: m.organisingAgencyId,
        role: "رئیس جلسه",
      })),
    );
  });
  return meetings.length;
}
