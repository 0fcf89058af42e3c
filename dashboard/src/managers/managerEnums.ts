import { enumLabels } from "../messages/enums";
import { enumComponents } from "../common/enumComponents";

export const POSITION_KIND_LABELS = enumLabels.positionKind;

/** Positions whose title the server derives when omitted; the others need one. */
export const TITLED_POSITION_KINDS = new Set(["DEPUTY_GOVERNOR", "OTHER"]);

export const { Field: PositionKindField, Input: PositionKindInput } = enumComponents(POSITION_KIND_LABELS);
