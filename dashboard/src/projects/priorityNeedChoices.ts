import { formatPersianNumber } from "../common/persianDigits";
import type { AreaPriorityNeeds } from "./projectOperations";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The choices of the project form's priority-need picker: every priority need of the area's assessments, the latest
 * assessment first and each assessment's needs by rank; the label says the rank, the need, its dimension and the day
 * of the assessment (Jalali, via `formatDate`).
 */
export function priorityNeedChoices(
  data: AreaPriorityNeeds | undefined,
  translate: Translate,
  formatDate: (value: string) => string,
): { id: string; name: string }[] {
  const assessments = [...(data?.needsAssessments.items ?? [])].sort((a, b) =>
    b.assessedOn.localeCompare(a.assessedOn),
  );
  return assessments.flatMap((assessment) =>
    [...assessment.priorityNeeds]
      .sort((a, b) => a.rank - b.rank)
      .map((need) => ({
        id: need.id,
        name: translate("hamafza.projects.priorityNeedChoice", {
          rank: formatPersianNumber(need.rank),
          dimension: translate(`hamafza.enums.assessmentDimension.${need.dimension}`),
          description: need.description,
          date: formatDate(assessment.assessedOn),
        }),
      })),
  );
}
