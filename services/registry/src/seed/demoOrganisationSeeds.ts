import { AreaKind } from "../entities/InformalSettlementArea";
import { ManagerPositionKind } from "../entities/Manager";
import { countyGovernorateAgencyId, demoDirectorateId, demoMunicipalityId, demoNgoId } from "./demoOrganisationIds";

/** What the demo organisations and places are (demoOrganisations.ts loads them): agencies, areas, offices, NGO Houses, networks, managers. */

/** The three directorates-general every demo province gets. */
export const DIRECTORATES = [
  { key: "WELFARE", name: "اداره کل بهزیستی استان" },
  { key: "SPORTS_YOUTH", name: "اداره کل ورزش و جوانان استان" },
  { key: "ENVIRONMENT", name: "اداره کل حفاظت محیط زیست استان" },
];

/** Municipalities beyond the provincial capitals' (which every demo province gets). */
export const EXTRA_MUNICIPALITIES = ["1902", "0409"];
/** City councils: Urmia, and Qods, whose council met NGOs (seed 002). */
export const CITY_COUNCILS = [
  { countyId: "0401", city: "ارومیه" },
  { countyId: "2313", city: "قدس" },
];

/** Tenure starts of the demo county governors and deputies, in turn (all before 1404, so they cover the whole year). */
export const TENURE_STARTS = [
  "1402/06/15",
  "1403/02/10",
  "1401/11/20",
  "1403/07/01",
  "1402/09/05",
  "1400/08/12",
  "1403/11/03",
];

interface AreaSeed {
  countyId: string;
  name: string;
  kind: AreaKind;
  population: number | null;
  notes?: string;
}

export const AREAS: AreaSeed[] = [
  {
    countyId: "0401",
    name: "اسلام‌آباد",
    kind: AreaKind.INFORMAL_SETTLEMENT,
    population: 42000,
    notes: "بزرگ‌ترین سکونتگاه غیررسمی شمال ارومیه؛ نیازسنجی ۱۴۰۲ انجام شده است.",
  },
  { countyId: "0401", name: "حسین‌آباد", kind: AreaKind.INFORMAL_SETTLEMENT, population: 35000 },
  { countyId: "0401", name: "کشتارگاه", kind: AreaKind.INFORMAL_SETTLEMENT, population: 28000 },
  { countyId: "0401", name: "طرزیلو", kind: AreaKind.INFORMAL_SETTLEMENT, population: 18000 },
  { countyId: "0401", name: "ممکان", kind: AreaKind.INFORMAL_SETTLEMENT, population: 12000 },
  { countyId: "0401", name: "علی‌آباد", kind: AreaKind.INFORMAL_SETTLEMENT, population: 22000 },
  { countyId: "0401", name: "بهداری", kind: AreaKind.NEIGHBOURHOOD, population: 15000 },
  { countyId: "0401", name: "شیخ‌تپه", kind: AreaKind.INEFFICIENT_URBAN_AREA, population: 20000 },
  {
    countyId: "1901",
    name: "اسلام‌آباد",
    kind: AreaKind.INFORMAL_SETTLEMENT,
    population: 60000,
    notes: "کودکان کار و اعتیاد، آسیب‌های اصلی اعلام‌شده در نشست‌های محله.",
  },
  { countyId: "1901", name: "کوی فاطمیه", kind: AreaKind.NEIGHBOURHOOD, population: 9000 },
  { countyId: "1901", name: "بافت تاریخی سبزه‌میدان", kind: AreaKind.INEFFICIENT_URBAN_AREA, population: null },
  {
    countyId: "2601",
    name: "منبع آب",
    kind: AreaKind.INFORMAL_SETTLEMENT,
    population: 30000,
    notes: "در فهرست دبیرخانه توانمندسازی نواحی ناکارآمد شهری استان.",
  },
  { countyId: "2601", name: "شهرک ولیعصر", kind: AreaKind.INEFFICIENT_URBAN_AREA, population: 16000 },
  { countyId: "2302", name: "واوان", kind: AreaKind.NEIGHBOURHOOD, population: 25000 },
];

const URMIA_DISABILITY = demoNgoId("14563873056");
const URMIA_LAKE = demoNgoId("14556725949");

interface OfficeSeed {
  countyId: string;
  area: string;
  operators: string[];
  partner: string;
  openedOn: string;
  hasDedicatedSpace: boolean;
  notes?: string;
}

/** Urmia's eight offices (seed 004: «نبود دفتر اختصاصی» is their problem), one in Zanjan and one in Qazvin. */
export const OFFICES: OfficeSeed[] = [
  {
    countyId: "0401",
    area: "اسلام‌آباد",
    operators: [URMIA_DISABILITY, URMIA_LAKE],
    partner: demoMunicipalityId("0401"),
    openedOn: "1400/07/12",
    hasDedicatedSpace: true,
  },
  {
    countyId: "0401",
    area: "حسین‌آباد",
    operators: [URMIA_DISABILITY],
    partner: demoMunicipalityId("0401"),
    openedOn: "1400/09/01",
    hasDedicatedSpace: true,
  },
  {
    countyId: "0401",
    area: "کشتارگاه",
    operators: [URMIA_LAKE],
    partner: countyGovernorateAgencyId("0401"),
    openedOn: "1401/02/18",
    hasDedicatedSpace: false,
    notes: "در مسجد محله مستقر است.",
  },
  {
    countyId: "0401",
    area: "طرزیلو",
    operators: [URMIA_DISABILITY],
    partner: demoDirectorateId("04", "WELFARE"),
    openedOn: "1401/05/23",
    hasDedicatedSpace: false,
  },
  {
    countyId: "0401",
    area: "ممکان",
    operators: [URMIA_LAKE],
    partner: demoMunicipalityId("0401"),
    openedOn: "1401/10/04",
    hasDedicatedSpace: false,
  },
  {
    countyId: "0401",
    area: "علی‌آباد",
    operators: [URMIA_DISABILITY, URMIA_LAKE],
    partner: demoDirectorateId("04", "WELFARE"),
    openedOn: "1402/01/28",
    hasDedicatedSpace: false,
    notes: "در سرای محله، به صورت مشترک.",
  },
  {
    countyId: "0401",
    area: "بهداری",
    operators: [URMIA_DISABILITY],
    partner: countyGovernorateAgencyId("0401"),
    openedOn: "1402/04/10",
    hasDedicatedSpace: false,
  },
  {
    countyId: "0401",
    area: "شیخ‌تپه",
    operators: [URMIA_LAKE],
    partner: demoMunicipalityId("0401"),
    openedOn: "1402/08/15",
    hasDedicatedSpace: false,
  },
  {
    countyId: "1901",
    area: "اسلام‌آباد",
    operators: [demoNgoId("14953907576"), demoNgoId("14905484270")],
    partner: demoMunicipalityId("1901"),
    openedOn: "1401/06/20",
    hasDedicatedSpace: true,
  },
  {
    countyId: "2601",
    area: "منبع آب",
    operators: [demoNgoId("14824548549")],
    partner: demoDirectorateId("26", "WELFARE"),
    openedOn: "1399/11/05",
    hasDedicatedSpace: false,
  },
];

export const HOUSES = [
  {
    provinceId: "19",
    countyId: null,
    name: "خانه تشکل‌های غیردولتی استان زنجان",
    address: "زنجان، خیابان امام، کوچه فرهنگ، ساختمان خانه تشکل‌ها",
    managerName: "مهسا قربانی",
    managerPhone: "09127345618",
    facilities: ["سالن جلسات ۶۰ نفره", "اتاق آموزش و کارگاه", "دبیرخانه مشترک سمن‌ها"],
    openedOn: "1404/02/20",
    members: [
      ["14905484270", "1404/02/20"],
      ["14487385191", "1404/02/20"],
      ["14953907576", "1404/03/05"],
      ["14506416517", "1404/03/12"],
      ["14354049740", "1404/04/02"],
      ["14564728520", "1404/04/18"],
      ["14508214853", "1404/05/09"],
    ],
  },
  {
    provinceId: "10",
    countyId: null,
    name: "خانه سمن‌های استان اصفهان",
    address: "اصفهان، خیابان هشت بهشت غربی، ساختمان شماره ۲",
    managerName: "رضا طاهری",
    managerPhone: "03132267915",
    facilities: ["سالن همایش ۱۲۰ نفره", "کتابخانه تخصصی سمن‌ها"],
    openedOn: "1399/09/10",
    members: [
      ["14687729620", "1399/09/10"],
      ["14095524146", "1400/01/25"],
      ["14061187508", "1400/06/14"],
      ["14832479051", "1401/03/30"],
    ],
  },
  {
    provinceId: "19",
    countyId: "1902",
    name: "خانه سمن‌های شهرستان ابهر",
    address: "ابهر، خیابان طالقانی، جنب کتابخانه عمومی",
    managerName: "لیلا حسن‌پور",
    managerPhone: "09196284317",
    facilities: ["اتاق جلسات"],
    openedOn: "1403/03/15",
    members: [
      ["14506416517", "1403/03/15"],
      ["14804450068", "1403/04/01"],
    ],
  },
];

export const NETWORKS = [
  {
    key: "19:YOUTH",
    name: "شبکه تشکل‌های همسوی جوانان استان زنجان",
    field: "YOUTH",
    provinceId: "19",
    countyId: null,
    coordinator: "14487385191",
    members: ["14354049740"],
  },
  {
    key: "19:SOCIAL_HARM",
    name: "شبکه پیشگیری از آسیب‌های اجتماعی استان زنجان",
    field: "SOCIAL_HARM_PREVENTION",
    provinceId: "19",
    countyId: null,
    coordinator: "14905484270",
    members: ["14971446687"],
  },
  {
    key: "19:CHARITY",
    name: "شبکه خیریه‌های استان زنجان",
    field: "CHARITY",
    provinceId: "19",
    countyId: null,
    coordinator: "14508214853",
    members: ["14633050029"],
  },
  {
    key: "0401:ENVIRONMENT",
    name: "شبکه سمن‌های زیست‌محیطی ارومیه",
    field: "ENVIRONMENT",
    provinceId: "04",
    countyId: "0401",
    coordinator: "14556725949",
    members: [],
  },
];

/** Managers beyond the demo county governors and deputies: directors-general, a mayor, and two past county governors. */
export const OTHER_MANAGERS = [
  {
    key: "DG:19:WELFARE",
    name: "نرگس عباسی",
    agency: demoDirectorateId("19", "WELFARE"),
    kind: ManagerPositionKind.DIRECTOR_GENERAL,
    position: "مدیرکل بهزیستی استان زنجان",
    start: "1402/03/01",
    end: null,
  },
  {
    key: "DG:19:SPORTS_YOUTH",
    name: "بهروز فتحی",
    agency: demoDirectorateId("19", "SPORTS_YOUTH"),
    kind: ManagerPositionKind.DIRECTOR_GENERAL,
    position: "مدیرکل ورزش و جوانان استان زنجان",
    start: "1403/05/20",
    end: null,
  },
  {
    key: "MAYOR:0401",
    name: "کامران رسولی",
    agency: demoMunicipalityId("0401"),
    kind: ManagerPositionKind.MAYOR,
    position: "شهردار ارومیه",
    start: "1400/08/15",
    end: null,
  },
  {
    key: "PAST:1901",
    name: "حمید صالحی",
    agency: countyGovernorateAgencyId("1901"),
    kind: ManagerPositionKind.COUNTY_GOVERNOR,
    position: "فرماندار زنجان",
    start: "1399/05/01",
    end: "predecessor",
  },
  {
    key: "PAST:0401",
    name: "جواد علیزاده",
    agency: countyGovernorateAgencyId("0401"),
    kind: ManagerPositionKind.COUNTY_GOVERNOR,
    position: "فرماندار ارومیه",
    start: "1398/10/01",
    end: "predecessor",
  },
] as const;
