import { Box, Card, CardContent, Chip, Stack, Typography } from "@mui/material";
import type { ReactNode } from "react";
import { useTranslate } from "react-admin";
import { formatJalali } from "../common/jalali";
import { toPersianDigits } from "../common/persianDigits";
import { DEMAND_STATUS_LABELS, PROPOSAL_STATUS_LABELS } from "../engagement/engagementEnums";
import { REQUEST_ACTION_KIND_LABELS } from "./agencyAnswerEnums";
import type { RequestRow } from "./agencyAnswerOperations";

const statusLabel = (row: RequestRow) =>
  (row.kind === "demand"
    ? DEMAND_STATUS_LABELS[row.status as keyof typeof DEMAND_STATUS_LABELS]
    : PROPOSAL_STATUS_LABELS[row.status as keyof typeof PROPOSAL_STATUS_LABELS]) ?? row.status;

/**
 * One demand or proposal as a card (phones first: one column, wrapping text): status, days, addressee, the agency's
 * answer and the dated history; `actions` holds the respondent's buttons.
 */
export const RequestCard = ({ row, actions }: { row: RequestRow; actions?: ReactNode }) => {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`hamafza.agencyAnswers.row.${key}`, options);
  return (
    <Card variant="outlined" data-testid="request-card" data-kind={row.kind} data-status={row.status}>
      <CardContent sx={{ "&:last-child": { pb: 2 } }}>
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center" sx={{ mb: 1 }}>
          <Chip size="small" variant="outlined" label={t(row.kind)} />
          <Chip size="small" color={row.respondedOn ? "success" : "default"} label={statusLabel(row)} />
          {row.overdue && <Chip size="small" color="error" label={t("overdue")} data-testid="overdue-chip" />}
        </Stack>
        <Typography variant="subtitle1" sx={{ overflowWrap: "anywhere" }} data-testid="request-title">
          {row.title}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t("since", { day: formatJalali(row.since) })} · {t("due", { day: formatJalali(row.dueOn) })}
        </Typography>
        {row.addressee && (
          <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: "anywhere" }}>
            {t("addressee", { name: row.addressee })}
          </Typography>
        )}
        {row.response && (
          <Box sx={{ mt: 1, p: 1, bgcolor: "action.hover", borderRadius: 1 }} data-testid="request-answer">
            <Typography variant="body2" fontWeight="bold">
              {t("answer", { day: formatJalali(row.respondedOn) })}
            </Typography>
            <Typography variant="body2" sx={{ overflowWrap: "anywhere" }}>
              {row.response}
            </Typography>
            {row.responseDays !== null && (
              <Typography variant="caption" color="text.secondary">
                {t("responseDays", { days: toPersianDigits(row.responseDays) })}
              </Typography>
            )}
          </Box>
        )}
        {row.actions.length > 0 && (
          <Box component="details" sx={{ mt: 1 }}>
            <Typography component="summary" variant="body2">
              {t("history")}
            </Typography>
            <Box component="ol" sx={{ m: 0, pl: 3 }} data-testid="request-history">
              {row.actions.map((action) => (
                <Typography component="li" variant="body2" key={action.id} sx={{ overflowWrap: "anywhere" }}>
                  {formatJalali(action.actedOn)} —{" "}
                  {REQUEST_ACTION_KIND_LABELS[action.kind as keyof typeof REQUEST_ACTION_KIND_LABELS] ?? action.kind}
                  {action.note ? `: ${action.note}` : ""}
                </Typography>
              ))}
            </Box>
          </Box>
        )}
        {actions && (
          <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" sx={{ mt: 1 }}>
            {actions}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
