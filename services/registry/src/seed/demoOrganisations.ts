import { normalizePersian, parseJalaliDate } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { Agency, AgencyKind } from "../entities/Agency";
import { County } from "../entities/County";
import { FacilitationOffice, FacilitationOfficeOperator } from "../entities/FacilitationOffice";
import { InformalSettlementArea } from "../entities/InformalSettlementArea";
import { Manager, ManagerPositionKind, positionKeyOf } from "../entities/Manager";
import { NgoHouse, NgoHouseMember } from "../entities/NgoHouse";
import { NgoNetwork, NgoNetworkMember } from "../entities/NgoNetwork";
import { Province } from "../entities/Province";
import { fieldOfActivityId } from "./fieldsOfActivity";
import {
  countyGovernorateAgencyId,
  demoAreaId,
  demoCityCouncilId,
  demoDirectorateId,
  demoFacilitationOfficeId,
  demoMunicipalityId,
  demoNgoHouseId,
  demoNgoNetworkId,
  demoOtherManagerId,
  governorateAgencyId,
  demoNgoId,
} from "./demoOrganisationIds";
import {
  AREAS,
  CITY_COUNCILS,
  DIRECTORATES,
  HOUSES,
  NETWORKS,
  OFFICES,
  OTHER_MANAGERS,
  TENURE_STARTS,
  EXTRA_MUNICIPALITIES,
} from "./demoOrganisationSeeds";

/**
 * Demo organisations and places (fictional, consistent with the 40 demo NGOs of `data/demo-ngos.csv`): the agencies
 * of the five demo provinces, the demo managers' agencies and tenures (plus a few directors-general, a mayor and
 * past county governors), informal-settlement areas — Urmia's eight facilitation offices (seed 004), most of them
 * without a dedicated space — NGO Houses and networks of aligned NGOs. Ids are deterministic.
 */

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
    manager.tenureStart = parseJalaliDate(TENURE_STARTS[i % TENURE_STARTS.length]);
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
        tenureStart: parseJalaliDate(m.start),
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
        openedOn: parseJalaliDate(o.openedOn),
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
        openedOn: parseJalaliDate(h.openedOn),
      }),
    );
    await em.insert(NgoHouse, houseRows);
    await em.insert(
      NgoHouseMember,
      HOUSES.flatMap((h) =>
        h.members.map(([nationalId, joined]) => ({
          ngoHouseId: demoNgoHouseId(h.countyId ?? h.provinceId),
          ngoId: demoNgoId(nationalId),
          joinedOn: parseJalaliDate(joined),
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
        coordinatorNgoId: demoNgoId(n.coordinator),
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
          ngoId: demoNgoId(nationalId),
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
