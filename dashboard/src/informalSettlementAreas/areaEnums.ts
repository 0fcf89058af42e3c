import { enumComponents } from "../common/enumComponents";

export const AREA_KIND_LABELS = {
  INFORMAL_SETTLEMENT: "سکونتگاه غیررسمی",
  NEIGHBOURHOOD: "محله",
  INEFFICIENT_URBAN_AREA: "ناحیه ناکارآمد شهری",
} as const;

export const { Field: AreaKindField, Input: AreaKindInput } = enumComponents(AREA_KIND_LABELS);
