import { normalizePersian } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { AgendaItem } from "../entities/AgendaItem";
import { Demand, DemandCategory, DemandStatus } from "../entities/Demand";
import { Meeting, MeetingKind, MeetingStatus } from "../entities/Meeting";
import { MeetingAttendance } from "../entities/MeetingAttendance";
import { MeetingOfficial } from "../entities/MeetingOfficial";
import { Resolution, ResolutionStatus } from "../entities/Resolution";
import { addDays, tehranDay } from "../util/time";
import { governorateOf, managerOf, ngoHouseOf, ngoOf } from "./demoIds";
import { socialHarmId } from "./socialHarms";
import { REPRESENTATIVES, at } from "./demoShared";

/** Provincial meetings: the deputies' problem-centred meetings (one without NGOs, one cancelled), NGO exchanges and a council. */
export async function loadProvincialMeetings(
  em: EntityManager,
  provinces: Set<string>,
  demands: Demand[],
): Promise<number> {
  const zanjanNgos = ["14905484270", "14487385191", "14953907576", "14506416517", "14551155970", "14633050029"].map(
    ngoOf,
  );
  const seeds: {
    provinceId: string;
    kind: MeetingKind;
    title: string;
    when: string;
    chair: boolean;
    ngos: string[];
    house?: boolean;
    cancelled?: string;
    harm?: string;
    resolution?: string;
    demandCategory?: DemandCategory;
  }[] = [
    {
      provinceId: "19",
      kind: MeetingKind.QUARTERLY_PROBLEM_CENTRED,
      title: "نشست مسئله‌محور معاون استاندار با سمن‌های استان: آسیب‌های حاشیه‌نشینی",
      when: "1404/04/10",
      chair: true,
      ngos: zanjanNgos.slice(0, 5),
      harm: "MARGINALISATION",
      resolution: "تهیه نقشه آسیب‌های اجتماعی محلات حاشیه‌ای استان با مشارکت سمن‌ها",
    },
    {
      provinceId: "19",
      kind: MeetingKind.QUARTERLY_PROBLEM_CENTRED,
      title: "نشست مسئله‌محور معاون استاندار با سمن‌های استان: بیمه و زیرساخت سمن‌ها",
      when: "1404/10/14",
      chair: true,
      ngos: zanjanNgos,
      demandCategory: DemandCategory.MEMBERS_INSURANCE,
      resolution: "تشکیل کارگروه مشترک بیمه داوطلبان با حضور تأمین اجتماعی",
    },
    {
      provinceId: "19",
      kind: MeetingKind.QUARTERLY_PROBLEM_CENTRED,
      title: "نشست مسئله‌محور معاون استاندار با سمن‌های استان: پایان سال",
      when: "1404/12/20",
      chair: true,
      ngos: [],
      cancelled: "هم‌زمانی با جلسه شورای تأمین استان",
    },
    {
      provinceId: "19",
      kind: MeetingKind.NGO_EXCHANGE,
      title: "نشست ماهانه تبادل تجربه سمن‌ها: تیر",
      when: "1404/04/29",
      chair: false,
      ngos: zanjanNgos.slice(0, 4),
      house: true,
    },
    {
      provinceId: "19",
      kind: MeetingKind.NGO_EXCHANGE,
      title: "نشست ماهانه تبادل تجربه سمن‌ها: مرداد",
      when: "1404/05/27",
      chair: false,
      ngos: zanjanNgos.slice(1, 6),
      house: true,
    },
    {
      provinceId: "19",
      kind: MeetingKind.COUNCIL,
      title: "جلسه شورای حمایت و توسعه سازمان‌های مردم‌نهاد استان زنجان",
      when: "1404/08/12",
      chair: true,
      ngos: zanjanNgos.slice(0, 2),
      harm: "ADDICTION",
      resolution: "اختصاص یک درصد اعتبارات فرهنگی دستگاه‌ها به طرح‌های سمن‌ها",
    },
    {
      provinceId: "26",
      kind: MeetingKind.QUARTERLY_PROBLEM_CENTRED,
      title: "نشست مسئله‌محور معاون استاندار قزوین: حاشیه‌نشینی",
      when: "1404/06/20",
      chair: true,
      ngos: [],
      harm: "MARGINALISATION",
    },
  ];
  let added = 0;
  for (const seed of seeds.filter((s) => provinces.has(s.provinceId))) {
    const when = at(seed.when);
    const held = !seed.cancelled && when.getTime() < Date.now();
    const meeting = await em.save(
      em.create(Meeting, {
        title: seed.title,
        titleNormalized: normalizePersian(seed.title),
        kind: seed.kind,
        provinceId: seed.provinceId,
        countyId: null,
        chairId: seed.chair ? managerOf(seed.provinceId) : null,
        organisingAgencyId: governorateOf(seed.provinceId),
        venue: seed.house ? "خانه تشکل‌های غیردولتی استان" : "سالن شهید بهشتی استانداری",
        venueNgoHouseId: seed.house ? ngoHouseOf(seed.provinceId) : null,
        workingGroupId: null,
        scheduledAt: when,
        heldAt: held ? when : null,
        status: seed.cancelled ? MeetingStatus.CANCELLED : held ? MeetingStatus.HELD : MeetingStatus.PLANNED,
        cancellationReason: seed.cancelled ?? null,
        minutes: held ? "مشکلات مطرح‌شده سمن‌ها ثبت و برای پیگیری به دستگاه‌ها ارجاع شد." : null,
      }),
    );
    added++;
    if (!held) continue;
    if (seed.ngos.length)
      await em.insert(
        MeetingAttendance,
        seed.ngos.map((ngoId, j) => ({
          meetingId: meeting.id,
          ngoId,
          representativeName: REPRESENTATIVES[j % REPRESENTATIVES.length],
        })),
      );
    if (seed.chair)
      await em.insert(MeetingOfficial, {
        meetingId: meeting.id,
        managerId: managerOf(seed.provinceId),
        agencyId: governorateOf(seed.provinceId),
        role: "رئیس جلسه",
      });
    let demandId: string | null = null;
    if (seed.demandCategory && seed.ngos.length) {
      const raised = tehranDay(when);
      const demand = await em.save(
        em.create(Demand, {
          ngoId: seed.ngos[0],
          provinceId: seed.provinceId,
          countyId: null,
          meetingId: meeting.id,
          category: seed.demandCategory,
          title: "بیمه داوطلبان و مربیان سمن‌های استان",
          titleNormalized: normalizePersian("بیمه داوطلبان و مربیان سمن‌های استان"),
          description: "۲۰ نفر از مدیران سمن‌ها مشکل بیمه‌ای اعضا را مطرح کردند.",
          agencyId: governorateOf(seed.provinceId),
          raisedOn: raised,
          status: DemandStatus.UNDER_REVIEW,
          response: null,
          respondedOn: null,
        }),
      );
      demands.push(demand);
      demandId = demand.id;
    }
    if (seed.harm || demandId) {
      const topic = demandId ? "مشکل بیمه‌ای اعضای سمن‌ها" : "بررسی وضعیت آسیب‌های اجتماعی استان";
      await em.insert(AgendaItem, {
        meetingId: meeting.id,
        position: 1,
        topic,
        topicNormalized: normalizePersian(topic),
        socialHarmId: seed.harm ? socialHarmId(seed.harm) : null,
        demandId,
        notes: null,
      });
    }
    if (seed.resolution) {
      const meetingDay = tehranDay(when);
      await em.insert(Resolution, {
        meetingId: meeting.id,
        provinceId: seed.provinceId,
        countyId: null,
        text: seed.resolution,
        textNormalized: normalizePersian(seed.resolution),
        ownerManagerId: managerOf(seed.provinceId),
        ownerAgencyId: governorateOf(seed.provinceId),
        deadline: addDays(meetingDay, 90),
        status: ResolutionStatus.OPEN,
        completedOn: null,
        cancellationReason: null,
      });
    }
  }
  return added;
}
