import { stableId } from "@hamafza/common";

/**
 * Ids of the registry's demo records, derived exactly as the registry derives them (deterministic `stableId`s), so the
 * engagement demo refers to the same NGOs, managers, agencies, areas and NGO Houses without reading registry tables.
 */
export const ngoOf = (nationalId: string) => stableId("ngo", nationalId);
export const managerOf = (territoryId: string) => stableId("manager", territoryId);
export const otherManagerOf = (key: string) => stableId("manager", `demo:${key}`);
export const governorateOf = (provinceId: string) => stableId("agency", `GOVERNORATE:${provinceId}`);
export const countyGovernorateOf = (countyId: string) => stableId("agency", `COUNTY_GOVERNORATE:${countyId}`);
export const directorateOf = (provinceId: string, key: "WELFARE" | "SPORTS_YOUTH" | "ENVIRONMENT") =>
  stableId("agency", `DIRECTORATE_GENERAL:${provinceId}:${key}`);
export const municipalityOf = (countyId: string) => stableId("agency", `MUNICIPALITY:${countyId}`);
export const areaOf = (countyId: string, name: string) => stableId("area", `${countyId}:${name}`);
export const ngoHouseOf = (territoryId: string) => stableId("ngo-house", territoryId);
