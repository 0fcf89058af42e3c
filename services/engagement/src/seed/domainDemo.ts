import { normalizePersian, parseJalaliDate, tehranMidnight } from "@hamafza/common";
import { DataSource, EntityManager } from "typeorm";
import { AgendaItem } from "../entities/AgendaItem";
import { Demand, DemandCategory, DemandStatus } from "../entities/Demand";
import { Meeting, MeetingKind, MeetingStatus } from "../entities/Meeting";
import { MeetingAttendance } from "../entities/MeetingAttendance";
import { MeetingOfficial } from "../entities/MeetingOfficial";
import { Project, ProjectPartner, ProjectStatus, ProjectUpdate } from "../entities/Project";
import { Proposal, ProposalStatus } from "../entities/Proposal";
import { Resolution, ResolutionStatus, ResolutionUpdate } from "../entities/Resolution";
import {
  WorkingGroup,
  WorkingGroupDimension,
  WorkingGroupMember,
  WorkingGroupMemberKind,
} from "../entities/WorkingGroup";
import { GoverningBody } from "../entities/GoverningBody";
import { addDays, tehranDay, tehranToday } from "../util/time";
import type { EngagementDemoInput } from "./demo";
import {
  areaOf,
  countyGovernorateOf,
  directorateOf,
  governorateOf,
  managerOf,
  municipalityOf,
  ngoHouseOf,
  ngoOf,
  otherManagerOf,
} from "./demoIds";
import { socialHarmId } from "./socialHarms";

/**
 * The engagement demo beyond the quarterly meetings (fictional, Persian, consistent with the registry's demo NGOs,
 * managers, agencies, areas and NGO Houses through their deterministic ids): agenda items tied to social harms and
 * demands, resolutions (some done on time, some late, some overdue), Qazvin's secretariat committees (seed 003) and
 * Zanjan NGO House working groups with members, sessions and projects in informal settlements, provincial meetings,
 * proposals and demands with the agencies' responses. Loaded once, when there is no working group yet.
 */
const day = parseJalaliDate;
/** An instant on a Jalali day at a Tehran wall-clock hour. */
const at = (jalali: string, hour = 10): Date => {
  const [y, m, d] = jalali.split("/").map(Number);
  return new Date(tehranMidnight(y, m, d).getTime() + hour * 3_600_000);
};

const REPRESENTATIVES = [
  "مریم احمدی",
  "علی کاظمی",
  "زهرا صادقی",
  "حسین مرادی",
  "فاطمه نجفی",
  "رضا یوسفی",
  "سمیه کریمی",
  "محمد عباسی",
];

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

interface GroupSeed {
  key: string;
  name: string;
  dimension: WorkingGroupDimension;
  provinceId: string;
  parentBody: string;
  parentNgoHouseId: string | null;
  establishedOn: string;
  ngos: [string, string, string?][]; // national id, joined, left
  agencies: [string, string][]; // agency id, joined
  sessions: string[];
  sessionHarm: string;
  projects: ProjectSeed[];
}

interface ProjectSeed {
  title: string;
  description: string;
  countyId: string;
  area: string;
  agency: string;
  partners: string[];
  startOn: string | null;
  plannedEndOn: string;
  status: ProjectStatus;
  updates: [string, string, ProjectStatus?][];
}

const QAZVIN_SECRETARIAT = "دبیرخانه توانمندسازی نواحی ناکارآمد شهری استان قزوین";
const ZANJAN_HOUSE = "خانه تشکل‌های غیردولتی استان زنجان";

const GROUPS: GroupSeed[] = [
  {
    key: "26:SOCIAL",
    name: "کمیته تخصصی اجتماعی",
    dimension: WorkingGroupDimension.SOCIAL,
    provinceId: "26",
    parentBody: QAZVIN_SECRETARIAT,
    parentNgoHouseId: null,
    establishedOn: "1404/02/10",
    ngos: [
      ["14824548549", "1404/02/10"],
      ["14571949709", "1404/03/01"],
      ["14798704839", "1404/02/10", "1404/09/30"],
    ],
    agencies: [
      [directorateOf("26", "WELFARE"), "1404/02/10"],
      [municipalityOf("2601"), "1404/02/10"],
    ],
    sessions: ["1404/03/05", "1404/06/12", "1404/10/08"],
    sessionHarm: "MARGINALISATION",
    projects: [
      {
        title: "مرکز نیازسنجی و مشاوره خانواده محله منبع آب",
        description: "نیازسنجی خانوارهای محله با مشارکت سمن‌ها و ارائه مشاوره خانواده و ارجاع به دستگاه‌ها",
        countyId: "2601",
        area: "منبع آب",
        agency: directorateOf("26", "WELFARE"),
        partners: ["14824548549", "14571949709"],
        startOn: "1404/04/01",
        plannedEndOn: "1405/03/31",
        status: ProjectStatus.ACTIVE,
        updates: [
          ["1404/04/01", "آغاز نیازسنجی ۳۰۰ خانوار", ProjectStatus.ACTIVE],
          ["1404/09/15", "نیازسنجی ۲۱۰ خانوار انجام و گزارش آن به کمیته ارائه شد"],
        ],
      },
    ],
  },
  {
    key: "26:ECONOMIC",
    name: "کمیته تخصصی اقتصادی",
    dimension: WorkingGroupDimension.ECONOMIC,
    provinceId: "26",
    parentBody: QAZVIN_SECRETARIAT,
    parentNgoHouseId: null,
    establishedOn: "1404/02/10",
    ngos: [
      ["14798704839", "1404/02/10"],
      ["14730682709", "1404/03/20"],
    ],
    agencies: [[governorateOf("26"), "1404/02/10"]],
    sessions: ["1404/04/20", "1404/08/15"],
    sessionHarm: "UNEMPLOYMENT_POVERTY",
    projects: [
      {
        title: "کارگاه‌های مهارت‌آموزی زنان سرپرست خانوار منبع آب",
        description: "آموزش خیاطی، آشپزی صنعتی و بازاریابی برخط برای ۶۰ زن سرپرست خانوار",
        countyId: "2601",
        area: "منبع آب",
        agency: governorateOf("26"),
        partners: ["14798704839"],
        startOn: "1404/05/01",
        plannedEndOn: "1404/09/30",
        status: ProjectStatus.FINISHED,
        updates: [
          ["1404/05/01", "آغاز دوره نخست با ۲۵ نفر", ProjectStatus.ACTIVE],
          ["1404/09/20", "پایان سه دوره و صدور گواهی برای ۵۸ نفر", ProjectStatus.FINISHED],
        ],
      },
    ],
  },
  {
    key: "26:PHYSICAL",
    name: "کمیته تخصصی کالبدی",
    dimension: WorkingGroupDimension.PHYSICAL,
    provinceId: "26",
    parentBody: QAZVIN_SECRETARIAT,
    parentNgoHouseId: null,
    establishedOn: "1404/02/10",
    ngos: [["14730682709", "1404/02/10"]],
    agencies: [
      [municipalityOf("2601"), "1404/02/10"],
      [countyGovernorateOf("2601"), "1404/02/10"],
    ],
    sessions: ["1404/05/10", "1404/11/05"],
    sessionHarm: "MARGINALISATION",
    projects: [
      {
        title: "بهسازی معابر و روشنایی شهرک ولیعصر",
        description: "آسفالت و روشنایی معابر اصلی شهرک برای کاهش ناامنی شبانه",
        countyId: "2601",
        area: "شهرک ولیعصر",
        agency: municipalityOf("2601"),
        partners: ["14730682709"],
        startOn: "1404/06/01",
        plannedEndOn: "1404/12/15",
        status: ProjectStatus.STALLED,
        updates: [
          ["1404/06/01", "آغاز عملیات اجرایی در دو معبر", ProjectStatus.ACTIVE],
          ["1404/10/20", "توقف کار به دلیل تأمین‌نشدن اعتبار مرحله دوم", ProjectStatus.STALLED],
        ],
      },
    ],
  },
  {
    key: "26:ENVIRONMENTAL",
    name: "کمیته تخصصی زیست‌محیطی",
    dimension: WorkingGroupDimension.ENVIRONMENTAL,
    provinceId: "26",
    parentBody: QAZVIN_SECRETARIAT,
    parentNgoHouseId: null,
    establishedOn: "1404/02/10",
    ngos: [["14282314677", "1404/04/01"]],
    agencies: [[directorateOf("26", "ENVIRONMENT"), "1404/02/10"]],
    sessions: ["1404/07/14"],
    sessionHarm: "MARGINALISATION",
    projects: [
      {
        title: "ساماندهی پسماند و فضای سبز حاشیه منبع آب",
        description: "جمع‌آوری نخاله‌ها و ایجاد فضای سبز محله‌ای با مشارکت داوطلبان",
        countyId: "2601",
        area: "منبع آب",
        agency: directorateOf("26", "ENVIRONMENT"),
        partners: ["14282314677"],
        startOn: null,
        plannedEndOn: "1405/06/31",
        status: ProjectStatus.PLANNED,
        updates: [],
      },
    ],
  },
  {
    key: "19:SOCIAL_HARM",
    name: "کارگروه پیشگیری از آسیب‌های اجتماعی",
    dimension: WorkingGroupDimension.SOCIAL,
    provinceId: "19",
    parentBody: ZANJAN_HOUSE,
    parentNgoHouseId: ngoHouseOf("19"),
    establishedOn: "1404/03/01",
    ngos: [
      ["14905484270", "1404/03/01"],
      ["14971446687", "1404/03/01"],
      ["14953907576", "1404/05/10"],
    ],
    agencies: [
      [directorateOf("19", "WELFARE"), "1404/03/01"],
      [municipalityOf("1901"), "1404/03/01"],
    ],
    sessions: ["1404/03/18", "1404/07/22", "1404/12/03"],
    sessionHarm: "CHILD_LABOUR",
    projects: [
      {
        title: "مدرسه کودکان کار محله اسلام‌آباد",
        description: "کلاس‌های سوادآموزی و مهارتی کودکان کار با همکاری آموزش و پرورش و سمن‌ها",
        countyId: "1901",
        area: "اسلام‌آباد",
        agency: directorateOf("19", "WELFARE"),
        partners: ["14905484270", "14953907576"],
        startOn: "1404/07/01",
        plannedEndOn: "1405/04/31",
        status: ProjectStatus.ACTIVE,
        updates: [
          ["1404/07/01", "آغاز کلاس‌ها با ۴۵ کودک", ProjectStatus.ACTIVE],
          ["1404/11/20", "افزایش شمار کودکان به ۷۲ نفر"],
        ],
      },
      {
        title: "ساماندهی کودکان خیابانی میدان سبزه‌میدان",
        description: "طرح جمع‌آوری و ارجاع کودکان خیابانی بافت تاریخی",
        countyId: "1901",
        area: "بافت تاریخی سبزه‌میدان",
        agency: municipalityOf("1901"),
        partners: ["14905484270"],
        startOn: "1404/04/15",
        plannedEndOn: "1404/08/15",
        status: ProjectStatus.ABANDONED,
        updates: [
          ["1404/04/15", "آغاز طرح", ProjectStatus.ACTIVE],
          ["1404/06/30", "متوقف شد؛ نبود مرکز نگهداری موقت", ProjectStatus.STALLED],
          ["1404/09/10", "طرح کنار گذاشته شد و در مدرسه کودکان کار ادغام شد", ProjectStatus.ABANDONED],
        ],
      },
    ],
  },
  {
    key: "19:YOUTH",
    name: "کارگروه جوانان و مشارکت اجتماعی",
    dimension: WorkingGroupDimension.CULTURAL,
    provinceId: "19",
    parentBody: ZANJAN_HOUSE,
    parentNgoHouseId: ngoHouseOf("19"),
    establishedOn: "1404/03/01",
    ngos: [
      ["14487385191", "1404/03/01"],
      ["14354049740", "1404/04/02"],
    ],
    agencies: [[directorateOf("19", "SPORTS_YOUTH"), "1404/03/01"]],
    sessions: ["1404/05/25", "1404/09/16"],
    sessionHarm: "JUVENILE_DELINQUENCY",
    projects: [
      {
        title: "پویش داوطلبی جوانان برای پیشگیری از اعتیاد",
        description: "پویش آموزشی همسال‌به‌همسال در ۱۰ محله زنجان",
        countyId: "1901",
        area: "کوی فاطمیه",
        agency: directorateOf("19", "SPORTS_YOUTH"),
        partners: ["14487385191", "14354049740"],
        startOn: "1404/06/01",
        plannedEndOn: "1404/08/30",
        status: ProjectStatus.FINISHED,
        updates: [
          ["1404/06/01", "آغاز پویش", ProjectStatus.ACTIVE],
          ["1404/10/10", "پایان پویش با دو ماه تأخیر؛ ۱۲۰۰ نوجوان آموزش دیدند", ProjectStatus.FINISHED],
        ],
      },
    ],
  },
];

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

export async function loadEngagementDomainDemo(db: DataSource, demo: EngagementDemoInput): Promise<number> {
  if ((await db.getRepository(WorkingGroup).count()) > 0) return 0;
  return db.transaction(async (em) => {
    const provinces = new Set(demo.managers.map((m) => m.provinceId));
    let meetingsAdded = 0;
    const demands = await loadDemands(em, provinces);
    await loadQuarterlyMeetingFollowUp(em);
    for (const seed of GROUPS.filter((g) => provinces.has(g.provinceId))) meetingsAdded += await loadGroup(em, seed);
    meetingsAdded += await loadProvincialMeetings(em, provinces, demands);
    await loadProposals(em, provinces);
    return meetingsAdded;
  });
}

/** Agenda items, demands raised, resolutions and their follow-up for the held quarterly meetings. */
async function loadQuarterlyMeetingFollowUp(em: EntityManager): Promise<void> {
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

/** A working group with members, held sessions (with NGO members present, agenda and a resolution) and projects. */
async function loadGroup(em: EntityManager, seed: GroupSeed): Promise<number> {
  const chair = managerOf(seed.provinceId);
  const bodyKey = { provinceId: seed.provinceId, nameNormalized: normalizePersian(seed.parentBody) };
  const body =
    (await em.findOneBy(GoverningBody, bodyKey)) ??
    (await em.save(em.create(GoverningBody, { ...bodyKey, name: seed.parentBody, countyId: null, description: null })));
  const group = await em.save(
    em.create(WorkingGroup, {
      name: seed.name,
      nameNormalized: normalizePersian(seed.name),
      dimension: seed.dimension,
      parentBody: seed.parentBody,
      bodyId: body.id,
      parentNgoHouseId: seed.parentNgoHouseId,
      provinceId: seed.provinceId,
      countyId: null,
      chairManagerId: chair,
      chairAgencyId: governorateOf(seed.provinceId),
      description: seed.parentNgoHouseId
        ? "کارگروه تخصصی خانه سمن‌ها با حضور سمن‌های همسو و دستگاه‌های مرتبط"
        : "کمیته تخصصی دبیرخانه با حضور سمن‌های فعال در این زمینه و دستگاه‌های اجرایی مرتبط؛ تعریف پروژه به عنوان اقدام عملیاتی در مناطق حاشیه‌نشین",
      establishedOn: day(seed.establishedOn),
      dissolvedOn: null,
    }),
  );
  await em.insert(WorkingGroupMember, [
    ...seed.agencies.map(([agencyId, joined]) => ({
      workingGroupId: group.id,
      kind: WorkingGroupMemberKind.AGENCY,
      agencyId,
      ngoId: null,
      role: "عضو",
      joinedOn: day(joined),
      leftOn: null,
    })),
    ...seed.ngos.map(([nationalId, joined, left], i) => ({
      workingGroupId: group.id,
      kind: WorkingGroupMemberKind.NGO,
      agencyId: null,
      ngoId: ngoOf(nationalId),
      role: i === 0 ? "دبیر کارگروه" : "عضو",
      joinedOn: day(joined),
      leftOn: left ? day(left) : null,
    })),
  ]);
  for (const [i, session] of seed.sessions.entries()) {
    const heldAt = at(session);
    const sessionDay = day(session);
    const title = `جلسه ${(i + 1).toLocaleString("fa-IR")} ${seed.name}`;
    const meeting = await em.save(
      em.create(Meeting, {
        title,
        titleNormalized: normalizePersian(title),
        kind: MeetingKind.WORKING_GROUP_SESSION,
        provinceId: seed.provinceId,
        countyId: null,
        chairId: chair,
        organisingAgencyId: governorateOf(seed.provinceId),
        venue: seed.parentNgoHouseId ? "سالن جلسات خانه تشکل‌ها" : "سالن جلسات استانداری",
        venueNgoHouseId: seed.parentNgoHouseId,
        workingGroupId: group.id,
        scheduledAt: heldAt,
        heldAt,
        status: MeetingStatus.HELD,
        cancellationReason: null,
        minutes: "گزارش پیشرفت پروژه‌ها ارائه و اقدامات بعدی تعیین شد.",
      }),
    );
    const present = seed.ngos
      .filter(([, joined, left]) => day(joined) <= sessionDay && (!left || day(left) >= sessionDay))
      .map(([id]) => ngoOf(id));
    if (present.length)
      await em.insert(
        MeetingAttendance,
        present.map((ngoId, j) => ({
          meetingId: meeting.id,
          ngoId,
          representativeName: REPRESENTATIVES[(i + j) % REPRESENTATIVES.length],
        })),
      );
    await em.insert(MeetingOfficial, {
      meetingId: meeting.id,
      managerId: chair,
      agencyId: governorateOf(seed.provinceId),
      role: "رئیس کارگروه",
    });
    await em.insert(AgendaItem, {
      meetingId: meeting.id,
      position: 1,
      topic: `پیشرفت پروژه‌های ${seed.name}`,
      topicNormalized: normalizePersian(`پیشرفت پروژه‌های ${seed.name}`),
      socialHarmId: socialHarmId(seed.sessionHarm),
      demandId: null,
      notes: null,
    });
  }
  for (const project of seed.projects) {
    const saved = await em.save(
      em.create(Project, {
        title: project.title,
        titleNormalized: normalizePersian(project.title),
        description: project.description,
        workingGroupId: group.id,
        areaId: areaOf(project.countyId, project.area),
        provinceId: seed.provinceId,
        countyId: project.countyId,
        responsibleAgencyId: project.agency,
        startOn: project.startOn ? day(project.startOn) : null,
        plannedEndOn: day(project.plannedEndOn),
        closedOn: null,
        status: ProjectStatus.PLANNED,
      }),
    );
    await em.insert(
      ProjectPartner,
      project.partners.map((id) => ({ projectId: saved.id, ngoId: ngoOf(id) })),
    );
    let status = ProjectStatus.PLANNED;
    for (const [reported, note, to] of project.updates) {
      await em.insert(ProjectUpdate, {
        projectId: saved.id,
        reportedOn: day(reported),
        note,
        statusBefore: to ? status : null,
        statusAfter: to ?? null,
        recordedBy: "demo",
      });
      if (to) status = to;
      if (to === ProjectStatus.FINISHED || to === ProjectStatus.ABANDONED) saved.closedOn = day(reported);
    }
    saved.status = status;
    await em.save(saved);
  }
  return seed.sessions.length;
}

/** Provincial meetings: the deputies' problem-centred meetings (one without NGOs, one cancelled), NGO exchanges and a council. */
async function loadProvincialMeetings(em: EntityManager, provinces: Set<string>, demands: Demand[]): Promise<number> {
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

async function loadDemands(em: EntityManager, provinces: Set<string>): Promise<Demand[]> {
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

async function loadProposals(em: EntityManager, provinces: Set<string>): Promise<void> {
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
