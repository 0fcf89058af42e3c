import { enumLabels } from "../messages/enums";
import { enumComponents } from "../common/enumComponents";

export const ASSESSMENT_DIMENSION_LABELS = enumLabels.assessmentDimension;

export const { Field: AssessmentDimensionField, Input: AssessmentDimensionInput } =
  enumComponents(ASSESSMENT_DIMENSION_LABELS);
