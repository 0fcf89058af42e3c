import { enumLabels } from "../messages/enums";
import { enumComponents } from "../common/enumComponents";

export const AGENCY_KIND_LABELS = enumLabels.agencyKind;

/** Kinds that belong to a county (the county is required); the others are provincial (OTHER: either). */
export const COUNTY_AGENCY_KINDS = new Set(["COUNTY_GOVERNORATE", "COUNTY_DEPARTMENT", "MUNICIPALITY", "CITY_COUNCIL"]);
export const PROVINCIAL_AGENCY_KINDS = new Set(["GOVERNORATE", "DIRECTORATE_GENERAL"]);

export const { Field: AgencyKindField, Input: AgencyKindInput } = enumComponents(AGENCY_KIND_LABELS);
