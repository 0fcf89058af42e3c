import { enumChip, enumComponents } from "../common/enumComponents";
import { enumLabels } from "../messages/enums";

export const TRAINING_NEED_STATUS_LABELS = enumLabels.trainingNeedStatus;
export const TRAINING_SESSION_STATUS_LABELS = enumLabels.trainingSessionStatus;
export const MEETING_REPLY_LABELS = enumLabels.meetingReply;

export const { Input: TrainingSessionStatusInput } = enumComponents(TRAINING_SESSION_STATUS_LABELS);
export const TrainingNeedStatusChip = enumChip(TRAINING_NEED_STATUS_LABELS, {
  DECLARED: "info",
  PLANNED: "warning",
  MET: "success",
});
export const TrainingSessionStatusChip = enumChip(TRAINING_SESSION_STATUS_LABELS, {
  PLANNED: "info",
  HELD: "success",
  CANCELLED: "default",
});
export const MeetingReplyChip = enumChip(MEETING_REPLY_LABELS, { ATTENDING: "success", NOT_ATTENDING: "default" });
