import { enumLabels } from "../messages/enums";
import { enumComponents } from "../common/enumComponents";

export const MEETING_KIND_LABELS = enumLabels.meetingKind;

export const MEETING_STATUS_LABELS = enumLabels.meetingStatus;

export const { Field: MeetingKindField, Input: MeetingKindInput } = enumComponents(MEETING_KIND_LABELS);
export const { Field: MeetingStatusField, Input: MeetingStatusInput } = enumComponents(MEETING_STATUS_LABELS);
