import { Reference, referencesOf } from "@hamafza/common";

/**
 * Which ids of each engagement input point at registry records (checked at write time by `checkReferences`;
 * the full table is docs/references.md). Ids of engagement's own records (meeting, working group, demand, social
 * harm) are checked by the resolvers against engagement's tables. Paths name the input fields as the dashboard
 * names them (`attendees[2].ngoId`).
 */
type Given = string | null | undefined;
const one = (field: string, type: Reference["type"], id: Given): Reference => ({ field, type, id });

export function meetingReferences(input: {
  provinceId?: Given;
  countyId?: Given;
  chairId?: Given;
  organisingAgencyId?: Given;
  venueNgoHouseId?: Given;
  attendees?: { ngoId: string }[] | null;
  officials?: { managerId: string; agencyId?: Given }[] | null;
}): Reference[] {
  return [
    one("provinceId", "Province", input.provinceId),
    one("countyId", "County", input.countyId),
    one("chairId", "Manager", input.chairId),
    one("organisingAgencyId", "Agency", input.organisingAgencyId),
    one("venueNgoHouseId", "NgoHouse", input.venueNgoHouseId),
    ...(input.attendees ?? []).map((a, i) => one(`attendees[${i}].ngoId`, "Ngo", a.ngoId)),
    ...(input.officials ?? []).flatMap((o, i) => [
      one(`officials[${i}].managerId`, "Manager", o.managerId),
      one(`officials[${i}].agencyId`, "Agency", o.agencyId),
    ]),
  ];
}

export function resolutionReferences(input: { ownerAgencyId?: Given; ownerManagerId?: Given }): Reference[] {
  return [one("ownerAgencyId", "Agency", input.ownerAgencyId), one("ownerManagerId", "Manager", input.ownerManagerId)];
}

export function projectReferences(input: {
  provinceId?: Given;
  countyId?: Given;
  areaId?: Given;
  priorityNeedId?: Given;
  responsibleAgencyId?: Given;
  partnerNgoIds?: string[] | null;
}): Reference[] {
  return [
    one("provinceId", "Province", input.provinceId),
    one("countyId", "County", input.countyId),
    one("areaId", "InformalSettlementArea", input.areaId),
    one("priorityNeedId", "PriorityNeed", input.priorityNeedId),
    one("responsibleAgencyId", "Agency", input.responsibleAgencyId),
    ...referencesOf("partnerNgoIds", "Ngo", input.partnerNgoIds),
  ];
}

export function workingGroupReferences(input: {
  provinceId?: Given;
  countyId?: Given;
  parentNgoHouseId?: Given;
  chairManagerId?: Given;
  chairAgencyId?: Given;
}): Reference[] {
  return [
    one("provinceId", "Province", input.provinceId),
    one("countyId", "County", input.countyId),
    one("parentNgoHouseId", "NgoHouse", input.parentNgoHouseId),
    one("chairManagerId", "Manager", input.chairManagerId),
    one("chairAgencyId", "Agency", input.chairAgencyId),
  ];
}

export function memberReferences(input: { agencyId?: Given; ngoId?: Given }): Reference[] {
  return [one("agencyId", "Agency", input.agencyId), one("ngoId", "Ngo", input.ngoId)];
}

/** Proposals and demands: the NGO that raised it, the agency it is addressed to, the place. */
export function requestReferences(input: {
  ngoId?: Given;
  agencyId?: Given;
  provinceId?: Given;
  countyId?: Given;
}): Reference[] {
  return [
    one("ngoId", "Ngo", input.ngoId),
    one("agencyId", "Agency", input.agencyId),
    one("provinceId", "Province", input.provinceId),
    one("countyId", "County", input.countyId),
  ];
}
