import { normalizePersian, parseJalaliDate, stableId } from "@hamafza/common";
import { DataSource } from "typeorm";
import { County } from "../entities/County";
import { Manager } from "../entities/Manager";
import { Ngo, NgoStatus } from "../entities/Ngo";
import { readCsv } from "./csv";
import { demoNgoId } from "./demoOrganisationIds";
import { loadDemoOrganisations } from "./demoOrganisations";
import { loadDemoProfiles } from "./demoProfiles";
import { loadDemoSupervision } from "./demoSupervision";

/** Demo manager ids are derived from the territory they govern. */
export const demoManagerId = (territoryId: string) => stableId("manager", territoryId);

export interface DemoNgo {
  id: string;
  countyId: string;
  status: NgoStatus;
}

export interface DemoManager {
  id: string;
  provinceId: string;
  countyId: string | null;
}

const GOVERNOR_NAMES = [
  "علی رضایی",
  "محمد حسینی",
  "حسن کریمی",
  "مهدی احمدی",
  "رضا موسوی",
  "زهرا محمدی",
  "مریم جعفری",
  "سعید نوری",
  "فاطمه رحیمی",
  "امیر قاسمی",
];

/** The demo NGOs (from `data/demo-ngos.csv`) as other services see them. */
export function demoNgos(): DemoNgo[] {
  return readCsv("demo-ngos.csv").map((row) => ({
    id: demoNgoId(row.national_id),
    countyId: row.county_code,
    status: row.status as NgoStatus,
  }));
}

/** One county governor for every county that has a demo NGO, plus the five governors-general's deputies. */
export function demoManagers(
  counties: Pick<County, "id" | "provinceId" | "name">[],
): (DemoManager & { name: string; position: string })[] {
  const withNgos = new Set(demoNgos().map((ngo) => ngo.countyId));
  const countyManagers = counties
    .filter((county) => withNgos.has(county.id))
    .map((county, i) => ({
      id: demoManagerId(county.id),
      provinceId: county.provinceId,
      countyId: county.id,
      name: GOVERNOR_NAMES[i % GOVERNOR_NAMES.length],
      position: `فرماندار ${county.name}`,
    }));
  const provinces = [...new Set(countyManagers.map((m) => m.provinceId))];
  const provincial = provinces.map((provinceId, i) => ({
    id: demoManagerId(provinceId),
    provinceId,
    countyId: null,
    name: GOVERNOR_NAMES[(i + 5) % GOVERNOR_NAMES.length],
    position: "معاون سیاسی، امنیتی و اجتماعی استاندار",
  }));
  return [...countyManagers, ...provincial];
}

/** Loads the demo NGOs and managers when the registry has no NGO yet. Returns how many were added. */
export async function loadRegistryDemoData(db: DataSource): Promise<{ ngos: number; managers: number }> {
  if ((await db.getRepository(Ngo).count()) > 0) return { ngos: 0, managers: 0 };
  const counties = await db.getRepository(County).find();
  const provinceOf = new Map(counties.map((c) => [c.id, c.provinceId]));
  const ngos = readCsv("demo-ngos.csv").map((row) =>
    Object.assign(new Ngo(), {
      id: demoNgoId(row.national_id),
      name: row.name,
      nameNormalized: normalizePersian(row.name),
      nationalId: row.national_id,
      registrationNumber: row.registration_number || null,
      countyId: row.county_code,
      provinceId: provinceOf.get(row.county_code),
      status: row.status as NgoStatus,
      foundedOn: row.founded_on ? parseJalaliDate(row.founded_on) : null,
      phone: row.phone || null,
      address: row.address || null,
      membersCount: row.members ? Number(row.members) : null,
      volunteersCount: row.volunteers ? Number(row.volunteers) : null,
    }),
  );
  const managers = demoManagers(counties).map((m) =>
    Object.assign(new Manager(), { ...m, nameNormalized: normalizePersian(m.name) }),
  );
  await db.transaction(async (em) => {
    await em.insert(Ngo, ngos);
    await loadDemoProfiles(em, ngos); // fields of activity, boards, capabilities, awards, training needs, licences
    await loadDemoSupervision(em, ngos); // warnings justifying the suspensions, reviews and inspection notes
    await loadDemoOrganisations(em, { counties, managers }); // agencies, areas, houses, networks, offices; gives managers their agency and tenure
    await em.insert(Manager, managers);
  });
  return { ngos: ngos.length, managers: managers.length };
}
