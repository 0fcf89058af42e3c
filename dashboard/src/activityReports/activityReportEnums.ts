import { enumChip, enumComponents } from "../common/enumComponents";
import { enumLabels } from "../messages/enums";

export const ACTIVITY_REPORT_STATUS_LABELS = enumLabels.activityReportStatus;
export const BUDGET_BAND_LABELS = enumLabels.budgetBand;

export const { Input: ActivityReportStatusInput } = enumComponents(ACTIVITY_REPORT_STATUS_LABELS);
export const { Field: BudgetBandField, Input: BudgetBandInput } = enumComponents(BUDGET_BAND_LABELS);
export const ActivityReportStatusChip = enumChip(ACTIVITY_REPORT_STATUS_LABELS, {
  SUBMITTED: "info",
  ACCEPTED: "success",
  NEEDS_CORRECTION: "warning",
});
