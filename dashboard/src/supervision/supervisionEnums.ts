import { enumChip, enumComponents } from "../common/enumComponents";
import { enumLabels } from "../messages/enums";

export const SUPERVISION_KIND_LABELS = enumLabels.supervisionKind;

export const { Input: SupervisionKindInput } = enumComponents(SUPERVISION_KIND_LABELS);
export const SupervisionKindChip = enumChip(SUPERVISION_KIND_LABELS, {
  REVIEW: "info",
  WARNING: "error",
  INSPECTION_NOTE: "default",
});
