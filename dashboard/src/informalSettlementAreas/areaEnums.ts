import { enumLabels } from "../messages/enums";
import { enumComponents } from "../common/enumComponents";

export const AREA_KIND_LABELS = enumLabels.areaKind;

export const { Field: AreaKindField, Input: AreaKindInput } = enumComponents(AREA_KIND_LABELS);
