import Alert from "@mui/material/Alert";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import LinearProgress from "@mui/material/LinearProgress";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { useTranslate } from "react-admin";
import { formatJalali } from "../common/jalali";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { OBJECTIONS } from "./objectionOperations";
import {
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_RECORD_KIND_LABELS,
  OBJECTION_STATUS_COLORS,
  OBJECTION_STATUS_LABELS,
  type Objection,
} from "./objections";
import { ResolveObjectionButton } from "./ObjectionDialogs";

/** One objection as a card (stacks on a phone): indicator, status, text, missing record, the evaluator's answer. */
export const ObjectionCard = ({
  objection,
  indicatorTitle,
  canResolve,
}: {
  objection: Objection;
  indicatorTitle: string;
  canResolve: boolean;
}) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid="objection">
      <CardContent>
        <Stack direction="row" flexWrap="wrap" gap={1} alignItems="center">
          <Typography variant="subtitle1" sx={{ flex: 1, minWidth: 160 }}>
            {indicatorTitle}
          </Typography>
          <Chip
            size="small"
            color={OBJECTION_STATUS_COLORS[objection.status]}
            label={OBJECTION_STATUS_LABELS[objection.status]}
          />
          {objection.outcome && (
            <Chip size="small" variant="outlined" label={OBJECTION_OUTCOME_LABELS[objection.outcome]} />
          )}
        </Stack>
        <Typography variant="body2" sx={{ mt: 1, whiteSpace: "pre-wrap" }}>
          {objection.text}
        </Typography>
        {objection.missingRecordKind && (
          <Typography variant="caption" display="block" color="text.secondary">
            {translate("hamafza.evaluation.objectionMissingRecord", {
              kind: OBJECTION_RECORD_KIND_LABELS[objection.missingRecordKind],
              id: objection.missingRecordId ?? "",
            })}
          </Typography>
        )}
        <Typography variant="caption" display="block" color="text.secondary">
          {translate("hamafza.evaluation.objectionFiledAt", {
            date: formatJalali(objection.filedAt, { showTime: true }),
          })}
        </Typography>
        {objection.resolutionNote && (
          <Alert severity={objection.status === "ACCEPTED" ? "success" : "info"} sx={{ mt: 1 }}>
            {objection.resolutionNote}
            {objection.resolvedAt && (
              <Typography variant="caption" display="block">
                {translate("hamafza.evaluation.objectionResolvedAt", {
                  by: objection.resolvedBy ?? "",
                  date: formatJalali(objection.resolvedAt, { showTime: true }),
                })}
              </Typography>
            )}
          </Alert>
        )}
        {canResolve && objection.status === "OPEN" && (
          <Stack direction="row" sx={{ mt: 1 }}>
            <ResolveObjectionButton objection={objection} />
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};

/** A manager's objections in a year's cycle, oldest first (the result's history), for the manager or the evaluator. */
export const ObjectionHistory = ({
  managerId,
  year,
  titles,
  canResolve,
}: {
  managerId?: string;
  year: number;
  titles: Readonly<Record<string, string>>;
  canResolve: boolean;
}) => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const { data, error, isPending } = useQuery(
    graphqlQuery<{ evaluationObjections: { totalCount: number; items: Objection[] } }>(dataProvider, OBJECTIONS, {
      filter: { year, ...(managerId ? { managerId } : {}) },
      limit: 100,
    }),
  );
  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  const items = [...(data?.evaluationObjections.items ?? [])].reverse();
  if (items.length === 0)
    return <Typography variant="body2">{translate("hamafza.evaluation.noObjections")}</Typography>;
  return (
    <Stack spacing={1} data-testid="objection-history">
      {items.map((objection) => (
        <ObjectionCard
          key={objection.id}
          objection={objection}
          indicatorTitle={titles[objection.indicatorCode] ?? objection.indicatorCode}
          canResolve={canResolve}
        />
      ))}
    </Stack>
  );
};
