import { createHash } from "node:crypto";
import { normalizePersian, stableId, toJalali } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { BoardMember, BoardRole } from "../entities/BoardMember";
import { Licence, LicenceStatus, LicensingAuthority } from "../entities/Licence";
import { LicenceAction, LicenceEvent } from "../entities/LicenceEvent";
import { Ngo, NgoScope, NgoStatus } from "../entities/Ngo";
import { AwardLevel, NgoAward } from "../entities/NgoAward";
import { NgoCapability } from "../entities/NgoCapability";
import { NgoField } from "../entities/NgoField";
import { TrainingNeed, Urgency } from "../entities/TrainingNeed";
import { deriveLicenceState } from "../resolvers/licenceState";
import { addDays, isValidNationalCode, tehranToday } from "../validation";
import { readCsv } from "./csv";
import { fieldOfActivityId } from "./fieldsOfActivity";

/*
 * Demo profiles of the 40 demo NGOs (fictional, like data/demo-ngos.csv): fields of activity (the CSV's `field`,
 * plus a second field for some), scope, board members with checksum-valid national codes, capabilities whose
 * coverage areas make a few cases of parallel work in Zanjan, awards, training needs (some typed with Arabic
 * letters, to show aggregation by normalised topic) and licences in every state, with their history. Licence
 * dates are relative to the day the demo data is loaded, so EXPIRING and EXPIRED licences exist on any day.
 */

const byNationalId = (nationalId: string) => stableId("ngo", nationalId);
const hash = (text: string) => createHash("sha1").update(text).digest();

/** Second fields of activity of some demo NGOs (by national id). */
const EXTRA_FIELDS: Record<string, string[]> = {
  "14905484270": ["CHILDREN"],
  "14633050029": ["CHILDREN"],
  "14354049740": ["DISASTER_RELIEF"],
  "14506416517": ["EMPLOYMENT"],
};

/** National codes' first three digits by province (issuing offices), so demo codes pass the official check. */
const CODE_PREFIX: Record<string, string[]> = {
  "19": ["427", "428"],
  "10": ["127", "128", "113"],
  "23": ["001", "002", "004"],
  "26": ["431", "432"],
  "04": ["274", "275", "279"],
};

const FIRST_NAMES = [
  "محمد",
  "علی",
  "حسین",
  "رضا",
  "مهدی",
  "فاطمه",
  "زهرا",
  "مریم",
  "سمیه",
  "معصومه",
  "حمید",
  "سعید",
  "نرگس",
  "لیلا",
  "امیر",
  "جواد",
  "الهام",
  "مجید",
];
const LAST_NAMES = [
  "احمدی",
  "کریمی",
  "رحیمی",
  "موسوی",
  "حسینی",
  "صادقی",
  "قاسمی",
  "جعفری",
  "اکبری",
  "نوروزی",
  "یوسفی",
  "باقری",
  "سلیمانی",
  "مرادی",
  "خسروی",
  "زمانی",
];

/** A deterministic, checksum-valid national code for the `seed`th demo person of a province. */
function demoNationalCode(provinceId: string, seed: string): string {
  const prefixes = CODE_PREFIX[provinceId] ?? ["001"];
  for (let attempt = 0; ; attempt++) {
    const bytes = hash(`${seed}:${attempt}`);
    const prefix = prefixes[bytes[0] % prefixes.length];
    const body = prefix + String(bytes.readUInt32BE(1) % 1_000_000).padStart(6, "0");
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
    const remainder = sum % 11;
    const code = body + String(remainder < 2 ? remainder : 11 - remainder);
    if (isValidNationalCode(code)) return code;
  }
}

interface Capability {
  service: string;
  field?: string;
  counties: string[];
  volunteers: number;
}

/** Capabilities by NGO national id; coverage areas in Zanjan overlap on purpose (parallel work). */
const CAPABILITIES: Record<string, Capability[]> = {
  "14905484270": [
    {
      service: "شناسایی و ساماندهی کودکان کار و خیابان",
      field: "SOCIAL_HARM_PREVENTION",
      counties: ["1903", "1906"],
      volunteers: 40,
    },
    { service: "کلاس‌های جبرانی برای کودکان بازمانده از تحصیل", field: "CHILDREN", counties: [], volunteers: 25 },
  ],
  "14633050029": [
    { service: "حمایت معیشتی از خانواده‌های بی‌سرپرست", field: "CHARITY", counties: ["1903"], volunteers: 60 },
  ],
  "14354049740": [
    { service: "گروه داوطلب امداد در حوادث", field: "DISASTER_RELIEF", counties: ["1902", "1904"], volunteers: 90 },
  ],
  "14506416517": [
    { service: "آموزش کسب‌وکارهای خانگی به زنان", field: "EMPLOYMENT", counties: ["1901", "1905"], volunteers: 20 },
  ],
};
/** The rest of the Zanjan demo NGOs with a capability in their main field, covering these counties. */
const COVERAGE: Record<string, { service: string; counties: string[]; volunteers: number }> = {
  "جمعیت پیشگیری از اعتیاد طارم": {
    service: "کارگاه‌های پیشگیری از اعتیاد در مدارس",
    counties: ["1901", "1903"],
    volunteers: 35,
  },
  "شبکه سمنهای جوانان استان زنجان": {
    service: "هماهنگی تشکل‌های جوانان و اردوهای جهادی",
    counties: ["1902", "1903", "1904", "1905", "1906", "1907", "1908"],
    volunteers: 150,
  },
  "مؤسسه خیریه نیکوکاران قیدار": { service: "توزیع بسته‌های معیشتی", counties: ["1901"], volunteers: 45 },
  "انجمن حمایت از معلولان جسمی‌حرکتی زنجان": { service: "توان‌بخشی در منزل", counties: ["1902"], volunteers: 30 },
  "انجمن بیماران دیابتی ابهر": { service: "آموزش خودمراقبتی بیماران دیابتی", counties: ["1905"], volunteers: 15 },
  "انجمن توسعه محله‌ای و شهروندی زنجان": { service: "تسهیل‌گری در محله‌های حاشیه شهر", counties: [], volunteers: 25 },
  "کانون فرهنگی میراث سلطانیه": {
    service: "راهنمایی گردشگران و برگزاری جشنواره‌های محلی",
    counties: ["1901"],
    volunteers: 20,
  },
};

const AWARDS: Record<string, { title: string; level: AwardLevel; year: number; by: string }[]> = {
  "14905484270": [
    { title: "سمن برتر حوزه آسیب‌های اجتماعی", level: AwardLevel.NATIONAL, year: 1401, by: "وزارت کشور" },
  ],
  "14354049740": [
    { title: "جشنواره ملی داوطلبی جوانان", level: AwardLevel.NATIONAL, year: 1402, by: "وزارت ورزش و جوانان" },
  ],
  "14506416517": [
    {
      title: "جایزه کارآفرینی اجتماعی زنان",
      level: AwardLevel.NATIONAL,
      year: 1400,
      by: "معاونت امور زنان و خانواده ریاست جمهوری",
    },
    { title: "Regional Women Entrepreneurship Award", level: AwardLevel.INTERNATIONAL, year: 1402, by: "UNDP" },
  ],
};

/** Training topics declared across provinces; some typed with Arabic letters or without ZWNJ on purpose. */
const TOPICS: { topic: string; audience: string; urgency: Urgency }[] = [
  { topic: "نگارش طرح و پیشنهاد پروژه", audience: "اعضای هیئت‌مدیره", urgency: Urgency.HIGH },
  { topic: "مدیریت مالی و حسابداری سمن‌ها", audience: "خزانه‌دار و مدیر مالی", urgency: Urgency.MEDIUM },
  { topic: "جذب و نگهداشت داوطلبان", audience: "داوطلبان", urgency: Urgency.MEDIUM },
  { topic: "قوانین و مقررات سازمان‌های مردم‌نهاد", audience: "اعضای هیئت‌مدیره", urgency: Urgency.LOW },
  { topic: "روابط عمومی و فضای مجازی", audience: "کارکنان", urgency: Urgency.LOW },
  { topic: "نیازسنجی محله", audience: "تسهیل‌گران", urgency: Urgency.HIGH },
];
const VARIANT_SPELLINGS: Record<string, string> = {
  "نگارش طرح و پیشنهاد پروژه": "نگارش طرح و پيشنهاد پروژه",
  "مدیریت مالی و حسابداری سمن‌ها": "مديريت مالي و حسابداري سمنها",
};

/** Loads the demo profiles once: only when no NGO has a field of activity or a licence yet. */
export async function loadDemoProfiles(
  em: EntityManager,
  ngos: Ngo[],
  today: string = tehranToday(),
): Promise<{ licences: number }> {
  const [{ fields, licences }] = await em.query(
    `SELECT (SELECT count(*) FROM ngo_field) AS fields, (SELECT count(*) FROM licence) AS licences`,
  );
  if (Number(fields) > 0 || Number(licences) > 0) return { licences: 0 };
  const rows = readCsv("demo-ngos.csv");
  const ngoOf = new Map(ngos.map((ngo) => [ngo.id, ngo]));

  const links: NgoField[] = [];
  const members: Partial<BoardMember>[] = [];
  const capabilities: Partial<NgoCapability>[] = [];
  const awards: Partial<NgoAward>[] = [];
  const needs: Partial<TrainingNeed>[] = [];
  const licenceRows: Licence[] = [];
  const events: Partial<LicenceEvent>[] = [];

  rows.forEach((row, index) => {
    const id = byNationalId(row.national_id);
    const ngo = ngoOf.get(id);
    if (!ngo) return;
    for (const code of [row.field, ...(EXTRA_FIELDS[row.national_id] ?? [])])
      links.push(Object.assign(new NgoField(), { ngoId: id, fieldId: fieldOfActivityId(code) }));

    // Board: a chair, a secretary and a treasurer for every NGO, and two members for the Zanjan ones.
    const roles = [
      BoardRole.CHAIR,
      BoardRole.SECRETARY,
      BoardRole.TREASURER,
      ...(ngo.provinceId === "19" ? [BoardRole.MEMBER, BoardRole.INSPECTOR] : []),
    ];
    roles.forEach((role, i) => {
      const bytes = hash(`${row.national_id}:${i}`);
      const name = `${FIRST_NAMES[bytes[0] % FIRST_NAMES.length]} ${LAST_NAMES[bytes[1] % LAST_NAMES.length]}`;
      members.push({
        id: stableId("board-member", `${row.national_id}:${i}`),
        ngoId: id,
        name,
        nameNormalized: normalizePersian(name),
        role,
        nationalCode: demoNationalCode(ngo.provinceId, `${row.national_id}:${i}`),
        phone: i === 0 ? `0912${String(bytes.readUInt32BE(2) % 10_000_000).padStart(7, "0")}` : null,
        sortOrder: i,
      });
    });

    const own = CAPABILITIES[row.national_id] ?? [];
    const coverage = COVERAGE[row.name];
    const list: Capability[] = coverage ? [...own, { ...coverage, field: row.field }] : own;
    list.forEach((c, i) =>
      capabilities.push({
        id: stableId("capability", `${row.national_id}:${i}`),
        ngoId: id,
        service: c.service,
        fieldId: c.field ? fieldOfActivityId(c.field) : null,
        coverageCountyIds: c.counties,
        volunteersAvailable: c.volunteers,
        sortOrder: i,
      }),
    );

    (AWARDS[row.national_id] ?? []).forEach((a, i) =>
      awards.push({
        id: stableId("award", `${row.national_id}:${i}`),
        ngoId: id,
        title: a.title,
        level: a.level,
        jalaliYear: a.year,
        awardedBy: a.by,
        sortOrder: i,
      }),
    );

    // Two or three training needs per active NGO, rotating through the topics.
    if (ngo.status === NgoStatus.ACTIVE) {
      const count = 2 + (index % 2);
      for (let i = 0; i < count; i++) {
        const need = TOPICS[(index + i * 2) % TOPICS.length];
        const typed = index % 3 === 0 && VARIANT_SPELLINGS[need.topic] ? VARIANT_SPELLINGS[need.topic] : need.topic;
        needs.push({
          id: stableId("training-need", `${row.national_id}:${i}`),
          ngoId: id,
          topic: typed,
          topicNormalized: normalizePersian(typed),
          audience: need.audience,
          urgency: need.urgency,
          // Most needs are this year's; every fourth NGO's first need is last year's, so years can be compared.
          year: toJalali(new Date(`${today}T12:00:00+03:30`)).year - (index % 4 === 0 && i === 0 ? 1 : 0),
          sortOrder: i,
        });
      }
    }

    const licence = demoLicence(ngo, index, today);
    licenceRows.push(licence.licence);
    events.push(...licence.events);
  });

  // Provincial networks and lake/province-wide NGOs; the rest keep the default COUNTY scope.
  for (const row of rows) {
    if (/استان|نجات دریاچه|محیط زیست اصفهان/.test(row.name))
      await em.update(Ngo, { id: byNationalId(row.national_id) }, { scope: NgoScope.PROVINCIAL });
  }
  // A second phone for a few NGOs.
  await em.update(Ngo, { id: byNationalId("14905484270") }, { otherPhones: ["09123456781"] });

  await em.insert(NgoField, links);
  await em.insert(BoardMember, members);
  await em.insert(NgoCapability, capabilities);
  await em.insert(NgoAward, awards);
  await em.insert(TrainingNeed, needs);
  await em.insert(Licence, licenceRows);
  await em.insert(LicenceEvent, events);
  return { licences: licenceRows.length };
}

/**
 * One licence per demo NGO with its history: most valid (some renewed once), a few expiring within 60 days,
 * expired ones for the inactive NGOs, one suspended, and a revoked one for the dissolved NGO.
 */
function demoLicence(ngo: Ngo, index: number, today: string): { licence: Licence; events: Partial<LicenceEvent>[] } {
  const id = stableId("licence", ngo.nationalId);
  const authority =
    index % 3 === 0
      ? LicensingAuthority.GOVERNORATE
      : index % 7 === 0
        ? LicensingAuthority.MINISTRY_OF_INTERIOR
        : LicensingAuthority.COUNTY_GOVERNORATE;
  const licence = Object.assign(new Licence(), {
    id,
    ngoId: ngo.id,
    number: `${ngo.provinceId}/${1400 + (index % 4)}/${String(1000 + index * 37)}`,
    authority,
    authorityName: null,
    status: LicenceStatus.ACTIVE,
    suspendedUntil: null,
    statusReason: null,
  });
  const events: Partial<LicenceEvent>[] = [];
  const event = (
    action: LicenceAction,
    effectiveOnWanted: string,
    change: () => void,
    reason: string | null = null,
  ) => {
    const effectiveOn = licence.issuedOn && effectiveOnWanted < licence.issuedOn ? licence.issuedOn : effectiveOnWanted;
    const from = action === LicenceAction.ISSUE ? null : { ...licence };
    const previousExpiresOn = licence.expiresOn ?? null;
    change();
    events.push({
      id: stableId("licence-event", `${ngo.nationalId}:${events.length}`),
      licenceId: id,
      ngoId: ngo.id,
      action,
      fromState: deriveLicenceState(from, effectiveOn, 60),
      toState: deriveLicenceState(licence, effectiveOn, 60),
      effectiveOn,
      reason,
      status: licence.status,
      expiresOn: licence.expiresOn,
      previousExpiresOn: action === LicenceAction.RENEW ? previousExpiresOn : null,
      suspendedUntil: licence.suspendedUntil,
      actorId: null,
      actorUsername: "demo-data",
    });
  };
  const issue = (wanted: string, expiresOn: string) => {
    // Never before the NGO was founded, and always before the expiry.
    let issuedOn = ngo.foundedOn && wanted < addDays(ngo.foundedOn, 30) ? addDays(ngo.foundedOn, 30) : wanted;
    if (issuedOn >= expiresOn) issuedOn = addDays(expiresOn, -365);
    event(LicenceAction.ISSUE, issuedOn, () => {
      licence.issuedOn = issuedOn;
      licence.expiresOn = expiresOn;
    });
  };

  if (ngo.status === NgoStatus.DISSOLVED) {
    issue(addDays(today, -4 * 365), addDays(today, 365));
    event(
      LicenceAction.REVOKE,
      addDays(today, -200),
      () => Object.assign(licence, { status: LicenceStatus.REVOKED, statusReason: "انحلال سمن به درخواست مجمع عمومی" }),
      "انحلال سمن به درخواست مجمع عمومی",
    );
  } else if (ngo.status === NgoStatus.INACTIVE) {
    issue(addDays(today, -3 * 365 - 40), addDays(today, -40 - index));
  } else if (index % 9 === 4) {
    issue(addDays(today, -5 * 365 + 25), addDays(today, 25 + index)); // expiring
  } else if (index % 11 === 7) {
    issue(addDays(today, -2 * 365), addDays(today, 3 * 365));
    event(
      LicenceAction.SUSPEND,
      addDays(today, -15),
      () =>
        Object.assign(licence, {
          status: LicenceStatus.SUSPENDED,
          suspendedUntil: addDays(today, 75),
          statusReason: "ارائه نکردن گزارش مالی سالانه",
        }),
      "ارائه نکردن گزارش مالی سالانه",
    );
  } else if (index % 5 === 0) {
    issue(addDays(today, -6 * 365), addDays(today, -365));
    event(
      LicenceAction.RENEW,
      addDays(today, -380),
      () => Object.assign(licence, { expiresOn: addDays(today, 4 * 365 - 380) }),
      "تمدید پس از ارائه گزارش عملکرد",
    );
  } else {
    // Issued at least ~650 days ago, so the licence was valid during the 1404 demo meetings.
    issue(addDays(today, -(650 + index * 17)), addDays(today, 5 * 365 - (650 + index * 17)));
  }
  return { licence, events };
}
