import { ProjectStatus } from "../entities/Project";
import { WorkingGroupDimension } from "../entities/WorkingGroup";
import { countyGovernorateOf, directorateOf, governorateOf, municipalityOf, ngoHouseOf } from "./demoIds";

/**
 * The demo's working groups (domainDemo.ts): Qazvin's secretariat committees (seed 003) and the Zanjan NGO House's
 * groups, with their members, sessions and projects in informal settlements; loaded by demoGroups.ts.
 */
export interface GroupSeed {
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

export const GROUPS: GroupSeed[] = [
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
