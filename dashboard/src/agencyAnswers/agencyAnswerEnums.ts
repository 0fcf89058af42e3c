import { enumLabels } from "../messages/enums";

/** Labels of a demand's or proposal's dated steps (`RequestActionKind`). */
export const REQUEST_ACTION_KIND_LABELS = enumLabels.requestActionKind;
