import { Typography } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";
import { formatJalali } from "../common/jalali";
import { REQUEST_ACTION_KIND_LABELS } from "./agencyAnswerEnums";
import type { RequestActionRow } from "./agencyAnswerOperations";

/** A demand's or proposal's dated history (`actions`), oldest first, for the officers' show pages. */
export const RequestHistoryField = () => {
  const record = useRecordContext<{ actions?: RequestActionRow[] }>();
  const translate = useTranslate();
  const actions = record?.actions ?? [];
  if (actions.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <ol style={{ margin: 0, paddingInlineStart: 24 }} data-testid="request-history">
      {actions.map((action) => (
        <Typography component="li" variant="body2" key={action.id} sx={{ overflowWrap: "anywhere" }}>
          {formatJalali(action.actedOn)} —{" "}
          {REQUEST_ACTION_KIND_LABELS[action.kind as keyof typeof REQUEST_ACTION_KIND_LABELS] ?? action.kind} (
          {translate(`hamafza.enums.role.${action.actorRole}`, { _: action.actorRole })})
          {action.note ? `: ${action.note}` : ""}
        </Typography>
      ))}
    </ol>
  );
};
