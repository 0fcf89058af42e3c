import { normalizePersian } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { Demand, DemandCategory, DemandStatus } from "../entities/Demand";
import { Proposal, ProposalStatus } from "../entities/Proposal";
import { addDays, tehranToday } from "../util/time";
import { countyGovernorateOf, directorateOf, governorateOf, municipalityOf, ngoOf } from "./demoIds";
import { day } from "./demoShared";

/** The demo's proposals and demands of NGOs to agencies, with the agencies' responses (domainDemo.ts). */
const PROPOSALS: {
  ngo: string;
  provinceId: string;
  countyId: string | null;
  agency: string | null;
  council?: string;
  topic: string;
  summary: string;
  field: string;
  submitted: string;
  review?: string;
  answer?: [ProposalStatus.ACCEPTED | ProposalStatus.REJECTED, string, string];
  implemented?: string;
}[] = [
  {
    ngo: "14905484270",
    provinceId: "19",
    countyId: "1901",
    agency: directorateOf("19", "WELFARE"),
    topic: "طرح توانمندسازی خانواده‌های کودکان کار",
    summary: "آموزش مهارت و وام خرد برای ۴۰ خانواده",
    field: "SOCIAL_HARM_PREVENTION",
    submitted: "1404/02/15",
    review: "1404/02/20",
    answer: [ProposalStatus.ACCEPTED, "1404/03/05", "با تأمین اعتبار از محل ردیف توانمندسازی موافقت شد."],
    implemented: "1404/08/01",
  },
  {
    ngo: "14487385191",
    provinceId: "19",
    countyId: "1901",
    agency: directorateOf("19", "SPORTS_YOUTH"),
    topic: "پویش داوطلبی جوانان در محلات",
    summary: "سازمان‌دهی ۲۰۰ داوطلب جوان برای فعالیت‌های محله",
    field: "YOUTH",
    submitted: "1404/04/10",
    review: "1404/04/25",
    answer: [
      ProposalStatus.REJECTED,
      "1404/06/02",
      "ردیف اعتباری در سال جاری وجود ندارد؛ در بودجه سال آینده بررسی می‌شود.",
    ],
  },
  {
    ngo: "14551155970",
    provinceId: "19",
    countyId: "1901",
    agency: directorateOf("19", "WELFARE"),
    topic: "راه‌اندازی کارگاه تولیدی اشتغال معلولان",
    summary: "کارگاه بسته‌بندی با ۱۵ شاغل دارای معلولیت",
    field: "DISABILITY",
    submitted: "1404/07/01",
    review: "1404/07/10",
  },
  {
    ngo: "14564728520",
    provinceId: "19",
    countyId: "1908",
    agency: directorateOf("19", "ENVIRONMENT"),
    topic: "پایش کیفیت آب رودخانه قزل‌اوزن با مشارکت داوطلبان",
    summary: "نمونه‌برداری ماهانه در پنج نقطه",
    field: "ENVIRONMENT",
    submitted: "1404/09/05",
  },
  {
    ngo: "14824548549",
    provinceId: "26",
    countyId: "2601",
    agency: directorateOf("26", "WELFARE"),
    topic: "مرکز مشاوره جوانان محله منبع آب",
    summary: "مشاوره تحصیلی و شغلی برای جوانان محله",
    field: "YOUTH",
    submitted: "1404/03/01",
    review: "1404/03/04",
    answer: [ProposalStatus.ACCEPTED, "1404/03/25", "در قالب پروژه کمیته اجتماعی دبیرخانه اجرا شود."],
  },
  {
    ngo: "14426070819",
    provinceId: "26",
    countyId: "2601",
    agency: null,
    council: "شورای سلامت استان قزوین",
    topic: "غربالگری رایگان بیماری‌های کلیوی در محلات حاشیه‌ای",
    summary: "غربالگری ۲۰۰۰ نفر با همکاری دانشگاه علوم پزشکی",
    field: "HEALTH",
    submitted: "1404/05/18",
  },
  {
    ngo: "14730682709",
    provinceId: "26",
    countyId: "2605",
    agency: governorateOf("26"),
    topic: "طرح گردشگری محله‌محور بوئین‌زهرا",
    summary: "راه‌اندازی اقامتگاه‌های بوم‌گردی با مشارکت ساکنان",
    field: "URBAN_DEVELOPMENT",
    submitted: "1404/06/14",
    review: "1404/06/30",
    answer: [ProposalStatus.ACCEPTED, "1404/07/10", "به کمیته اقتصادی دبیرخانه ارجاع شد."],
  },
  {
    ngo: "14563873056",
    provinceId: "04",
    countyId: "0401",
    agency: directorateOf("04", "WELFARE"),
    topic: "دفتر تسهیل‌گری ویژه معلولان محله اسلام‌آباد",
    summary: "خدمات توان‌بخشی در محل",
    field: "DISABILITY",
    submitted: "1404/02/28",
    review: "1404/03/10",
    answer: [
      ProposalStatus.REJECTED,
      "1404/03/20",
      "دفتر تسهیل‌گری موجود محله همین خدمات را ارائه می‌کند؛ موازی‌کاری است.",
    ],
  },
  {
    ngo: "14953907576",
    provinceId: "19",
    countyId: "1901",
    agency: municipalityOf("1901"),
    topic: "بازآفرینی بافت تاریخی سبزه‌میدان با مشارکت ساکنان",
    summary: "کارگاه‌های طراحی مشارکتی با ساکنان",
    field: "URBAN_DEVELOPMENT",
    submitted: "1404/10/02",
    review: "1404/10/20",
    answer: [ProposalStatus.ACCEPTED, "1404/11/15", "در برنامه بازآفرینی شهری سال آینده گنجانده شد."],
  },
];

const DEMANDS: {
  ngo: string;
  provinceId: string;
  countyId: string;
  agency: string | null;
  category: DemandCategory;
  title: string;
  raised: string;
  status: DemandStatus;
  answer?: [string, string];
}[] = [
  {
    ngo: "14633050029",
    provinceId: "19",
    countyId: "1901",
    agency: directorateOf("19", "WELFARE"),
    category: DemandCategory.FUNDING,
    title: "افزایش کمک‌هزینه نگهداری کودکان بی‌سرپرست",
    raised: "1404/05/03",
    status: DemandStatus.RESOLVED,
    answer: ["1404/05/20", "کمک‌هزینه از مهر ۱۴۰۴ بیست درصد افزایش یافت."],
  },
  {
    ngo: "14508214853",
    provinceId: "19",
    countyId: "1904",
    agency: countyGovernorateOf("1904"),
    category: DemandCategory.INFRASTRUCTURE,
    title: "واگذاری فضای اداری به سمن‌های قیدار",
    raised: "1404/06/10",
    status: DemandStatus.REJECTED,
    answer: ["1404/08/01", "فضای خالی در اختیار فرمانداری نیست؛ خانه سمن‌های استان معرفی شد."],
  },
  {
    ngo: "14354049740",
    provinceId: "19",
    countyId: "1905",
    agency: countyGovernorateOf("1905"),
    category: DemandCategory.OFFICIAL_RECOGNITION,
    title: "معرفی رسمی سمن‌ها در شورای اداری شهرستان",
    raised: "1404/08/05",
    status: DemandStatus.UNDER_REVIEW,
  },
  {
    ngo: "14556725949",
    provinceId: "04",
    countyId: "0401",
    agency: directorateOf("04", "ENVIRONMENT"),
    category: DemandCategory.INFRASTRUCTURE,
    title: "دفتر اختصاصی برای دفاتر تسهیل‌گری ارومیه",
    raised: "1404/04/12",
    status: DemandStatus.RESOLVED,
    answer: ["1404/05/02", "دو دفتر در سرای محله مستقر شدند."],
  },
  {
    ngo: "14283342372",
    provinceId: "26",
    countyId: "2604",
    agency: directorateOf("26", "WELFARE"),
    category: DemandCategory.EMPLOYMENT_OF_DISABLED,
    title: "اجرای سهمیه استخدام معلولان در ادارات آوج",
    raised: "1404/09/01",
    status: DemandStatus.RAISED,
  },
  {
    ngo: "14798704839",
    provinceId: "26",
    countyId: "2602",
    agency: governorateOf("26"),
    category: DemandCategory.MEMBERS_INSURANCE,
    title: "بیمه تأمین اجتماعی مربیان سمن",
    raised: "1404/03/15",
    status: DemandStatus.RESOLVED,
    answer: ["1404/04/30", "با سازمان تأمین اجتماعی برای بیمه مربیان توافق شد."],
  },
  {
    ngo: "14804450068",
    provinceId: "19",
    countyId: "1902",
    agency: null,
    category: DemandCategory.OTHER,
    title: "تأمین داروی بیماران دیابتی کم‌برخوردار",
    raised: "1404/11/11",
    status: DemandStatus.RAISED,
  },
];

export async function loadDemands(em: EntityManager, provinces: Set<string>): Promise<Demand[]> {
  const today = tehranToday();
  const rows = DEMANDS.filter((d) => provinces.has(d.provinceId) && day(d.raised) <= today).map((d) => {
    const answered = d.answer && day(d.answer[0]) <= today;
    return em.create(Demand, {
      ngoId: ngoOf(d.ngo),
      provinceId: d.provinceId,
      countyId: d.countyId,
      meetingId: null,
      category: d.category,
      title: d.title,
      titleNormalized: normalizePersian(d.title),
      description: null,
      agencyId: d.agency,
      raisedOn: day(d.raised),
      status: answered ? d.status : d.status === DemandStatus.RAISED ? DemandStatus.RAISED : DemandStatus.UNDER_REVIEW,
      response: answered ? d.answer![1] : null,
      respondedOn: answered ? day(d.answer![0]) : null,
    });
  });
  return em.save(rows);
}

export async function loadProposals(em: EntityManager, provinces: Set<string>): Promise<void> {
  const today = tehranToday();
  const recent = {
    ngo: "14506416517",
    provinceId: "19",
    countyId: "1902",
    agency: countyGovernorateOf("1902"),
    topic: "بازارچه محصولات زنان کارآفرین ابهر",
    summary: "بازارچه ماهانه در میدان شهر",
    field: "WOMEN_FAMILY",
    submitted: "",
  };
  const rows = [...PROPOSALS, recent]
    .filter((p) => provinces.has(p.provinceId))
    .map((p) => {
      const submittedOn = p.submitted ? day(p.submitted) : addDays(today, -12);
      const proposal = em.create(Proposal, {
        ngoId: ngoOf(p.ngo),
        provinceId: p.provinceId,
        countyId: p.countyId,
        agencyId: p.agency,
        councilName: "council" in p ? (p.council ?? null) : null,
        topic: p.topic,
        topicNormalized: normalizePersian(p.topic),
        summary: p.summary,
        fieldCode: p.field,
        meetingId: null,
        submittedOn,
        status: ProposalStatus.SUBMITTED,
        reviewStartedOn: null,
        response: null,
        respondedOn: null,
        implementedOn: null,
      });
      if ("review" in p && p.review && day(p.review) <= today)
        Object.assign(proposal, { status: ProposalStatus.UNDER_REVIEW, reviewStartedOn: day(p.review) });
      if ("answer" in p && p.answer && day(p.answer[1]) <= today)
        Object.assign(proposal, { status: p.answer[0], respondedOn: day(p.answer[1]), response: p.answer[2] });
      if ("implemented" in p && p.implemented && day(p.implemented) <= today)
        Object.assign(proposal, { status: ProposalStatus.IMPLEMENTED, implementedOn: day(p.implemented) });
      return proposal;
    });
  await em.save(rows);
}
