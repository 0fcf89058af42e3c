import { normalizePersian } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { AgendaItem } from "../entities/AgendaItem";
import { Demand, DemandCategory, DemandStatus } from "../entities/Demand";
import { Meeting, MeetingKind, MeetingStatus } from "../entities/Meeting";
import { MeetingAttendance } from "../entities/MeetingAttendance";
import { Resolution, ResolutionStatus, ResolutionUpdate } from "../entities/Resolution";
import { addDays, tehranDay, tehranToday } from "../util/time";
import { directorateOf, otherManagerOf } from "./demoIds";
import { socialHarmId } from "./socialHarms";

/** Agenda items (harm codes, or a demand category) and resolution texts of the quarterly meetings, by topic in the title. */
const TOPIC_PLANS: {
  topic: string;
  items: { topic: string; harm?: string; demand?: DemandCategory }[];
  resolutions: string[];
}[] = [
  {
    topic: "پیشگیری از اعتیاد",
    items: [
      { topic: "گزارش سمن‌ها از نقاط آسیب‌خیز مصرف مواد در محلات حاشیه‌ای", harm: "ADDICTION" },
      { topic: "نقش سمن‌ها در نیازسنجی سکونتگاه‌های غیررسمی", harm: "MARGINALISATION" },
    ],
    resolutions: [
      "برگزاری دوره‌های پیشگیری از اعتیاد در مدارس محلات حاشیه‌ای با مشارکت سمن‌ها",
      "معرفی نقاط آسیب‌خیز به شورای هماهنگی مبارزه با مواد مخدر شهرستان",
    ],
  },
  {
    topic: "بیمه اعضای سمن‌ها",
    items: [{ topic: "مشکل بیمه‌ای اعضا و داوطلبان سمن‌ها", demand: DemandCategory.MEMBERS_INSURANCE }],
    resolutions: [
      "پیگیری پوشش بیمه تأمین اجتماعی داوطلبان سمن‌ها از طریق اداره کل بهزیستی",
      "تهیه فهرست اعضای فاقد بیمه سمن‌های شهرستان",
    ],
  },
  {
    topic: "اشتغال معلولان",
    items: [
      { topic: "اجرای سهمیه سه درصدی استخدام معلولان در دستگاه‌ها", demand: DemandCategory.EMPLOYMENT_OF_DISABLED },
      { topic: "بیکاری و فقر خانواده‌های دارای عضو معلول", harm: "UNEMPLOYMENT_POVERTY" },
    ],
    resolutions: [
      "گزارش دستگاه‌های اجرایی شهرستان از اجرای سهمیه استخدام معلولان",
      "برگزاری نمایشگاه توانمندی‌های معلولان با همکاری سمن‌ها",
    ],
  },
  {
    topic: "کودکان کار",
    items: [
      { topic: "شناسایی کودکان کار و خیابان شهرستان", harm: "CHILD_LABOUR" },
      { topic: "بازگشت کودکان کار بازمانده از تحصیل به مدرسه", harm: "SCHOOL_DROPOUT" },
    ],
    resolutions: [
      "تشکیل پرونده حمایتی برای کودکان کار شناسایی‌شده با همکاری بهزیستی و سمن‌ها",
      "ثبت‌نام کودکان بازمانده از تحصیل در مدارس شبانه‌روزی",
    ],
  },
  {
    topic: "مشارکت جوانان",
    items: [{ topic: "برنامه‌های مشارکت جوانان در فعالیت‌های محله" }],
    resolutions: ["برگزاری جشنواره ایده‌های جوانان با حمایت اداره ورزش و جوانان"],
  },
  {
    topic: "طلاق و تحکیم خانواده",
    items: [
      { topic: "افزایش طلاق در سال‌های نخست زندگی مشترک", harm: "DIVORCE" },
      { topic: "خشونت خانگی و مراکز مشاوره محله", harm: "DOMESTIC_VIOLENCE" },
    ],
    resolutions: ["راه‌اندازی مشاوره رایگان پیش از ازدواج با همکاری سمن‌های حوزه خانواده"],
  },
];

/** Agenda items, demands raised, resolutions and their follow-up for the held quarterly meetings. */
export async function loadQuarterlyMeetingFollowUp(em: EntityManager): Promise<void> {
  const meetings = await em
    .getRepository(Meeting)
    .createQueryBuilder("meeting")
    .where("meeting.kind = :kind AND meeting.status = :held", {
      kind: MeetingKind.QUARTERLY_PROBLEM_CENTRED,
      held: MeetingStatus.HELD,
    })
    .orderBy("meeting.heldAt", "ASC")
    .addOrderBy("meeting.countyId", "ASC")
    .getMany();
  const attendance = await em.find(MeetingAttendance, { order: { ngoId: "ASC" } });
  const welfareManager = otherManagerOf("DG:19:WELFARE");
  const today = tehranToday();
  const items: Partial<AgendaItem>[] = [];
  const resolutions: Resolution[] = [];
  const updates: Partial<ResolutionUpdate>[] = [];
  let demandIndex = 0;
  for (const [k, meeting] of meetings.entries()) {
    const plan = TOPIC_PLANS.find((p) => meeting.title.includes(p.topic));
    if (!plan) continue;
    const meetingDay = tehranDay(meeting.heldAt!);
    const attendees = attendance.filter((a) => a.meetingId === meeting.id);
    for (const [i, item] of plan.items.entries()) {
      let demandId: string | null = null;
      if (item.demand && attendees.length > 0) {
        const pattern = demandIndex++ % 3;
        const respondedOn = pattern === 0 ? addDays(meetingDay, 12) : pattern === 1 ? addDays(meetingDay, 41) : null;
        const demand = em.create(Demand, {
          ngoId: attendees[0].ngoId,
          provinceId: meeting.provinceId,
          countyId: meeting.countyId,
          meetingId: meeting.id,
          category: item.demand,
          title: item.topic,
          titleNormalized: normalizePersian(item.topic),
          description: "در نشست فصلی مسئله‌محور مطرح شد.",
          agencyId: directorateOf(meeting.provinceId, "WELFARE"),
          raisedOn: meetingDay,
          status:
            respondedOn && respondedOn <= today
              ? pattern === 0
                ? DemandStatus.RESOLVED
                : DemandStatus.REJECTED
              : DemandStatus.UNDER_REVIEW,
          response: null,
          respondedOn: null,
        });
        if (demand.status !== DemandStatus.UNDER_REVIEW) {
          demand.respondedOn = respondedOn;
          demand.response =
            pattern === 0
              ? "موضوع پیگیری و برای اعضای واجد شرایط اقدام شد."
              : "در حال حاضر اعتبار لازم وجود ندارد؛ در برنامه سال آینده دیده می‌شود.";
        }
        demandId = (await em.save(demand)).id;
      }
      items.push({
        meetingId: meeting.id,
        position: i + 1,
        topic: item.topic,
        topicNormalized: normalizePersian(item.topic),
        socialHarmId: item.harm ? socialHarmId(item.harm) : null,
        demandId,
        notes: null,
      });
    }
    const count = plan.topic === "مشارکت جوانان" ? k % 2 : Math.min(plan.resolutions.length, 1 + (k % 2));
    for (let r = 0; r < count; r++) {
      const deadline = addDays(meetingDay, [30, 45, 60][(k + r) % 3]);
      const pattern = (k + r) % 11 === 10 ? -1 : (k + r) % 5;
      const resolution = em.create(Resolution, {
        meetingId: meeting.id,
        provinceId: meeting.provinceId,
        countyId: meeting.countyId,
        text: plan.resolutions[r],
        textNormalized: normalizePersian(plan.resolutions[r]),
        ownerManagerId: r === 0 ? meeting.chairId : meeting.provinceId === "19" ? welfareManager : null,
        ownerAgencyId: r === 0 ? meeting.organisingAgencyId : directorateOf(meeting.provinceId, "WELFARE"),
        deadline,
        status: ResolutionStatus.OPEN,
        completedOn: null,
        cancellationReason: null,
      });
      const history: [string, ResolutionStatus, string][] = [];
      const progress = addDays(meetingDay, 10);
      if (pattern === -1) history.push([progress, ResolutionStatus.CANCELLED, "با تصمیم شورای اداری شهرستان منتفی شد"]);
      if (pattern === 2) history.push([progress, ResolutionStatus.IN_PROGRESS, "دستگاه مسئول اقدام را آغاز کرد"]);
      if (pattern === 0 || pattern === 4)
        history.push(
          [progress, ResolutionStatus.IN_PROGRESS, "آغاز اجرا"],
          [addDays(deadline, pattern === 0 ? -7 : -1), ResolutionStatus.DONE, "انجام شد و گزارش آن به دبیرخانه رسید"],
        );
      if (pattern === 1) history.push([addDays(deadline, 12), ResolutionStatus.DONE, "با تأخیر انجام شد"]);
      let status = ResolutionStatus.OPEN;
      for (const [reportedOn, to, note] of history.filter(([d]) => d <= today)) {
        updates.push({
          resolution,
          reportedOn,
          note,
          statusBefore: status,
          statusAfter: to,
          recordedBy: "demo",
        } as Partial<ResolutionUpdate> & { resolution: Resolution });
        status = to;
        if (to === ResolutionStatus.DONE) resolution.completedOn = reportedOn;
        if (to === ResolutionStatus.CANCELLED) resolution.cancellationReason = note;
      }
      resolution.status = status;
      resolutions.push(resolution);
    }
  }
  await em.insert(AgendaItem, items);
  await em.save(resolutions, { chunk: 200 });
  await em.insert(
    ResolutionUpdate,
    updates.map((u) => {
      const { resolution, ...rest } = u as Partial<ResolutionUpdate> & { resolution: Resolution };
      return { ...rest, resolutionId: resolution.id };
    }),
  );
}
