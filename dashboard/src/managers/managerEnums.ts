import { enumComponents } from "../common/enumComponents";

export const POSITION_KIND_LABELS = {
  COUNTY_GOVERNOR: "فرماندار",
  GOVERNOR_GENERAL: "استاندار",
  DEPUTY_GOVERNOR: "معاون استاندار / فرماندار",
  DIRECTOR_GENERAL: "مدیرکل",
  MAYOR: "شهردار",
  OTHER: "سایر سمت‌ها",
} as const;

/** Positions whose title the server derives when omitted; the others need one. */
export const TITLED_POSITION_KINDS = new Set(["DEPUTY_GOVERNOR", "OTHER"]);

export const { Field: PositionKindField, Input: PositionKindInput } = enumComponents(POSITION_KIND_LABELS);
