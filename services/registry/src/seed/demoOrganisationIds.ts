import { stableId } from "@hamafza/common";

/** Deterministic ids of the demo organisations and places (demoOrganisations.ts), also used by other demo data and tests. */

/** Demo NGO ids are derived from their national id, so other services' demo data can refer to them (demo.ts). */
export const demoNgoId = (nationalId: string) => stableId("ngo", nationalId);
/** Ids of a province's governorate and a county's governorate (the RegistryOrganisations migration froze the same formula). */
export const governorateAgencyId = (provinceId: string) => stableId("agency", `GOVERNORATE:${provinceId}`);
export const countyGovernorateAgencyId = (countyId: string) => stableId("agency", `COUNTY_GOVERNORATE:${countyId}`);
export const demoAgencyId = (key: string) => stableId("agency", key);
export const demoAreaId = (countyId: string, name: string) => stableId("area", `${countyId}:${name}`);
export const demoNgoHouseId = (territoryId: string) => stableId("ngo-house", territoryId);
export const demoNgoNetworkId = (key: string) => stableId("ngo-network", key);
export const demoFacilitationOfficeId = (countyId: string, areaName: string) =>
  stableId("facilitation-office", `${countyId}:${areaName}`);
export const demoDirectorateId = (provinceId: string, key: string) =>
  demoAgencyId(`DIRECTORATE_GENERAL:${provinceId}:${key}`);
export const demoMunicipalityId = (countyId: string) => demoAgencyId(`MUNICIPALITY:${countyId}`);
export const demoCityCouncilId = (countyId: string) => demoAgencyId(`CITY_COUNCIL:${countyId}`);
export const demoOtherManagerId = (key: string) => stableId("manager", `demo:${key}`);
