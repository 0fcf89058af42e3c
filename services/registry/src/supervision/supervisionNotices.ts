import { NotificationKind, NotificationRequest } from "@hamafza/common";
import { SupervisionKind } from "./SupervisionRecord";

/** To the NGO's representatives: a warning was issued to their NGO (none for reviews and inspection notes). */
export function warningNotice(record: {
  id: string;
  ngoId: string;
  kind: SupervisionKind;
  recordedOn: string;
}): NotificationRequest | null {
  if (record.kind !== SupervisionKind.WARNING) return null;
  return {
    occasionKey: `supervision-warning:${record.id}`,
    service: "registry",
    kind: NotificationKind.SUPERVISION_WARNING,
    title: "اخطار نظارتی به سمن شما",
    body: "کارشناس نظارت به سمن شما اخطاری داده است؛ متن آن را در «سمن من»، بخش سوابق نظارت، ببینید.",
    reason: "شما نماینده سمنی هستید که این اخطار به آن داده شده است.",
    link: "#/my-ngo",
    recordType: "SupervisionRecord",
    recordId: record.id,
    recipients: { ngoRepresentativesOf: [record.ngoId] },
  };
}
