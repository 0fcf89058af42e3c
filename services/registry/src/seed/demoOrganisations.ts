import { normalizePersian, parseJalaliDate, stableId } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { Agency, AgencyKind } from "../entities/Agency";
import { County } from "../entities/County";
import { FacilitationOffice, FacilitationOfficeOperator } from "../entities/FacilitationOffice";
import { AreaKind, InformalSettlementArea } from "../entities/InformalSettlementArea";
import { Manager, ManagerPositionKind, positionKeyOf } from "../entities/Manager";
import { NgoHouse, NgoHouseMember } from "../entities/NgoHouse";
import { NgoNetwork, NgoNetworkMember } from "../entities/NgoNetwork";
import { Province } from "../entities/Province";
import { fieldOfActivityId } from "./fieldsOfActivity";

/**
 * Demo organisations and places (fictional, consistent with the 40 demo NGOs of `data/demo-ngos.csv`): the agencies
 * of the five demo provinces, the demo managers' agencies and tenures (plus a few directors-general, a mayor and
 * past county governors), informal-settlement areas — Urmia's eight facilitation offices (seed 004), most of them
 * without a dedicated space — NGO Houses and networks of aligned NGOs. Ids are deterministic.
 */

/** Ids of a province's governorate and a county's governorate (the RegistryOrganisations migration froze the same formula). */
export const governorateAgencyId = (provinceId: string) => stableId("agency", `GOVERNORATE:${provinceId}`);
export const countyGovernorateAgencyId = (countyId: string) => stableId("agency", `COUNTY_GOVERNORATE:${countyId}`);
export const demoAgencyId = (key: string) => stableId("agency", key);
export const demoAreaId = (countyId: string, name: string) => stableId("area", `${countyId}:${name}`);
export const demoNgoHouseId = (territoryId: string) => stableId("ngo-house", territoryId);
export const demoNgoNetworkId = (key: string) => stableId("ngo-network", key);
export const demoFacilitationOfficeId = (countyId: string, areaName: string) =>
  stableId("facilitation-office", `${countyId}:${areaName}`);
/** Demo NGO ids by national id (the same derivation as `demoNgoId` in demo.ts). */
const ngo = (nationalId: string) => stableId("ngo", nationalId);
const day = parseJalaliDate;

/** The three directorates-general every demo province gets. */
const DIRECTORATES = [
  { key: "WELFARE", name: "اداره کل بهزیستی استان" },
  { key: "SPORTS_YOUTH", name: "اداره کل ورزش و جوانان استان" },
  { key: "ENVIRONMENT", name: "اداره کل حفاظت محیط زیست استان" },
];
export const demoDirectorateId = (provinceId: string, key: string) =>
  demoAgencyId(`DIRECTORATE_GENERAL:${provinceId}:${key}`);
export const demoMunicipalityId = (countyId: string) => demoAgencyId(`MUNICIPALITY:${countyId}`);
const demoCityCouncilId = (countyId: string) => demoAgencyId(`CITY_COUNCIL:${countyId}`);

/** Municipalities beyond the provincial capitals' (which every demo province gets). */
const EXTRA_MUNICIPALITIES = ["1902", "0409"];
/** City councils: Urmia, and Qods, whose council met NGOs (seed 002). */
const CITY_COUNCILS = [
  { countyId: "0401", city: "ارومیه" },
  { countyId: "2313", city: "قدس" },
];

/** Tenure starts of the demo county governors and deputies, in turn (all before 1404, so they cover the whole year). */
const TENURE_STARTS = [
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

const AREAS: AreaSeed[] = [
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

const URMIA_DISABILITY = ngo("14563873056");
const URMIA_LAKE = ngo("14556725949");

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
const OFFICES: OfficeSeed[] = [
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
    operators: [ngo("14953907576"), ngo("14905484270")],
    partner: demoMunicipalityId("1901"),
    openedOn: "1401/06/20",
    hasDedicatedSpace: true,
  },
  {
    countyId: "2601",
    area: "منبع آب",
    operators: [ngo("14824548549")],
    partner: demoDirectorateId("26", "WELFARE"),
    openedOn: "1399/11/05",
    hasDedicatedSpace: false,
  },
];

const HOUSES = [
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

const NETWORKS = [
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
const OTHER_MANAGERS = [
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

export const demoOtherManagerId = (key: string) => stableId("manager", `demo:${key}`);

const previousDay = (isoDay: string) => {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
};

/**
 * Loads the demo organisations and places inside the registry demo transaction, after the demo NGOs and before
 * the demo managers: it also gives each of `managers` (the demo county governors and deputies, inserted next by
 * the caller) its agency, position kind and tenure. Agencies are inserted unless they exist (a migration may have
 * created governorates); every other table only when empty, so it is idempotent.
 */
export async function loadDemoOrganisations(
  em: EntityManager,
  demo: { counties: Pick<County, "id" | "provinceId" | "name">[]; managers: Manager[] },
): Promise<{ agencies: number; areas: number; houses: number; networks: number; offices: number; managers: number }> {
  const provinces = new Map((await em.find(Province)).map((p) => [p.id, p.name]));
  const demoProvinces = [...new Set(demo.managers.map((m) => m.provinceId))].sort();
  const counties = demo.counties.filter((c) => demoProvinces.includes(c.provinceId));
  const countyName = new Map(demo.counties.map((c) => [c.id, c.name]));
  const provinceOf = new Map(demo.counties.map((c) => [c.id, c.provinceId]));

  const agency = (id: string, name: string, kind: AgencyKind, provinceId: string, countyId: string | null) =>
    Object.assign(new Agency(), { id, name, nameNormalized: normalizePersian(name), kind, provinceId, countyId });
  const agencies: Agency[] = [];
  for (const provinceId of demoProvinces) {
    const provinceName = provinces.get(provinceId)!;
    agencies.push(
      agency(governorateAgencyId(provinceId), `استانداری ${provinceName}`, AgencyKind.GOVERNORATE, provinceId, null),
    );
    for (const d of DIRECTORATES)
      agencies.push(
        agency(
          demoDirectorateId(provinceId, d.key),
          `${d.name} ${provinceName}`,
          AgencyKind.DIRECTORATE_GENERAL,
          provinceId,
          null,
        ),
      );
  }
  for (const county of counties)
    agencies.push(
      agency(
        countyGovernorateAgencyId(county.id),
        `فرمانداری ${county.name}`,
        AgencyKind.COUNTY_GOVERNORATE,
        county.provinceId,
        county.id,
      ),
    );
  const municipalities = [...demoProvinces.map((p) => `${p}01`), ...EXTRA_MUNICIPALITIES].filter((c) =>
    countyName.has(c),
  );
  for (const countyId of municipalities) {
    agencies.push(
      agency(
        demoMunicipalityId(countyId),
        `شهرداری ${countyName.get(countyId)}`,
        AgencyKind.MUNICIPALITY,
        provinceOf.get(countyId)!,
        countyId,
      ),
    );
  }
  for (const council of CITY_COUNCILS.filter((c) => countyName.has(c.countyId))) {
    agencies.push(
      agency(
        demoCityCouncilId(council.countyId),
        `شورای اسلامی شهر ${council.city}`,
        AgencyKind.CITY_COUNCIL,
        provinceOf.get(council.countyId)!,
        council.countyId,
      ),
    );
  }
  const insertedAgencies = await em.createQueryBuilder().insert().into(Agency).values(agencies).orIgnore().execute();

  // The demo county governors and provincial deputies: their governorate's position, tenure from before 1404.
  demo.managers.forEach((manager, i) => {
    const county = manager.countyId !== null;
    manager.agencyId = county ? countyGovernorateAgencyId(manager.countyId!) : governorateAgencyId(manager.provinceId);
    manager.positionKind = county ? ManagerPositionKind.COUNTY_GOVERNOR : ManagerPositionKind.DEPUTY_GOVERNOR;
    manager.positionKey = positionKeyOf(manager.positionKind, normalizePersian(manager.position));
    manager.tenureStart = day(TENURE_STARTS[i % TENURE_STARTS.length]);
    manager.tenureEnd = null;
  });

  let otherManagers = 0;
  if ((await em.count(Manager)) === 0) {
    const startOf = (agencyId: string) => demo.managers.find((m) => m.agencyId === agencyId)?.tenureStart;
    const rows = OTHER_MANAGERS.map((m) => {
      const agencyRow = agencies.find((a) => a.id === m.agency)!;
      const successorStart = startOf(m.agency);
      return Object.assign(new Manager(), {
        id: demoOtherManagerId(m.key),
        name: m.name,
        nameNormalized: normalizePersian(m.name),
        position: m.position,
        positionKind: m.kind,
        positionKey: positionKeyOf(m.kind, normalizePersian(m.position)),
        agencyId: m.agency,
        provinceId: agencyRow.provinceId,
        countyId: agencyRow.countyId,
        tenureStart: day(m.start),
        tenureEnd: m.end === "predecessor" && successorStart ? previousDay(successorStart) : null,
      });
    }).filter((m) => m.tenureEnd === null || m.tenureEnd >= m.tenureStart);
    await em.insert(Manager, rows);
    otherManagers = rows.length;
  }

  let areas = 0;
  let offices = 0;
  if ((await em.count(InformalSettlementArea)) === 0) {
    const areaRows = AREAS.filter((a) => countyName.has(a.countyId)).map((a) =>
      Object.assign(new InformalSettlementArea(), {
        id: demoAreaId(a.countyId, a.name),
        name: a.name,
        nameNormalized: normalizePersian(a.name),
        kind: a.kind,
        countyId: a.countyId,
        provinceId: provinceOf.get(a.countyId)!,
        estimatedPopulation: a.population,
        notes: a.notes ?? null,
      }),
    );
    await em.insert(InformalSettlementArea, areaRows);
    areas = areaRows.length;
    const officeRows = OFFICES.filter((o) => countyName.has(o.countyId)).map((o) => {
      const name = `دفتر تسهیل‌گری ${o.area}`;
      return Object.assign(new FacilitationOffice(), {
        id: demoFacilitationOfficeId(o.countyId, o.area),
        name,
        nameNormalized: normalizePersian(name),
        areaId: demoAreaId(o.countyId, o.area),
        countyId: o.countyId,
        provinceId: provinceOf.get(o.countyId)!,
        partnerAgencyId: o.partner,
        openedOn: day(o.openedOn),
        hasDedicatedSpace: o.hasDedicatedSpace,
        notes: o.notes ?? null,
      });
    });
    await em.insert(FacilitationOffice, officeRows);
    const operators = OFFICES.filter((o) => countyName.has(o.countyId)).flatMap((o) =>
      o.operators.map((ngoId) => ({ facilitationOfficeId: demoFacilitationOfficeId(o.countyId, o.area), ngoId })),
    );
    await em.insert(FacilitationOfficeOperator, operators);
    offices = officeRows.length;
  }

  let houses = 0;
  if ((await em.count(NgoHouse)) === 0) {
    const houseRows = HOUSES.map((h) =>
      Object.assign(new NgoHouse(), {
        id: demoNgoHouseId(h.countyId ?? h.provinceId),
        name: h.name,
        nameNormalized: normalizePersian(h.name),
        provinceId: h.provinceId,
        countyId: h.countyId,
        address: h.address,
        managerName: h.managerName,
        managerPhone: h.managerPhone,
        facilities: h.facilities,
        openedOn: day(h.openedOn),
      }),
    );
    await em.insert(NgoHouse, houseRows);
    await em.insert(
      NgoHouseMember,
      HOUSES.flatMap((h) =>
        h.members.map(([nationalId, joined]) => ({
          ngoHouseId: demoNgoHouseId(h.countyId ?? h.provinceId),
          ngoId: ngo(nationalId),
          joinedOn: day(joined),
        })),
      ),
    );
    houses = houseRows.length;
  }

  let networks = 0;
  if ((await em.count(NgoNetwork)) === 0) {
    const networkRows = NETWORKS.map((n) =>
      Object.assign(new NgoNetwork(), {
        id: demoNgoNetworkId(n.key),
        name: n.name,
        nameNormalized: normalizePersian(n.name),
        fieldId: fieldOfActivityId(n.field),
        coordinatorNgoId: ngo(n.coordinator),
        provinceId: n.provinceId,
        countyId: n.countyId,
      }),
    );
    await em.insert(NgoNetwork, networkRows);
    await em.insert(
      NgoNetworkMember,
      NETWORKS.flatMap((n) =>
        [n.coordinator, ...n.members].map((nationalId) => ({
          ngoNetworkId: demoNgoNetworkId(n.key),
          ngoId: ngo(nationalId),
        })),
      ),
    );
    networks = networkRows.length;
  }

  return {
    agencies: insertedAgencies.identifiers.filter(Boolean).length,
    areas,
    houses,
    networks,
    offices,
    managers: otherManagers,
  };
}
