import Alert from "@mui/material/Alert";
import LinearProgress from "@mui/material/LinearProgress";
import Link from "@mui/material/Link";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Title, usePermissions, useTranslate } from "react-admin";
import { canRoleAccess } from "../auth/access";
import type { Role } from "../auth/roles";
import { toPersianDigits } from "../common/persianDigits";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { LocalPagination, PAGE_SIZE } from "./LocalPagination";
import { OBJECTIONS } from "./objectionOperations";
import { ObjectionCard } from "./ObjectionHistory";
import { OBJECTION_STATUS_LABELS, type Objection, type ObjectionStatus } from "./objections";
import { CYCLES, type CyclePage } from "./evaluationOperations";

/** Evaluators: the managers' objections of their territory, the open ones first by default, each answered in place. */
export const ObjectionsPage = () => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const { permissions } = usePermissions<Role | undefined>();
  const [status, setStatus] = useState<ObjectionStatus | "">("OPEN");
  const [page, setPage] = useState(0);
  const allowed = canRoleAccess(permissions, { action: "list", resource: "evaluationObjections" });
  const cycles = useQuery({
    ...graphqlQuery<{ evaluationCycles: CyclePage }>(dataProvider, CYCLES),
    enabled: allowed,
  });
  // Indicator titles by code, the newest cycle's rubric winning.
  const titles: Record<string, string> = Object.fromEntries(
    [...(cycles.data?.evaluationCycles.items ?? [])]
      .sort((a, b) => a.year - b.year)
      .flatMap((cycle) => cycle.indicators.map((i) => [i.code, i.title])),
  );
  const { data, error, isPending } = useQuery({
    ...graphqlQuery<{ evaluationObjections: { totalCount: number; items: Objection[] } }>(dataProvider, OBJECTIONS, {
      filter: status ? { status } : {},
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
    }),
    enabled: allowed,
  });
  if (!allowed) return <Alert severity="warning">{translate("hamafza.evaluation.notAllowed")}</Alert>;
  return (
    <Stack spacing={2} sx={{ mt: 1, maxWidth: 900 }}>
      <Title title={translate("hamafza.evaluation.objectionsPageTitle")} />
      <Stack direction="row" gap={2} alignItems="center" flexWrap="wrap">
        <TextField
          select
          size="small"
          label={translate("hamafza.evaluation.statusFilter")}
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as ObjectionStatus | "");
            setPage(0);
          }}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">{translate("hamafza.evaluation.allStatuses")}</MenuItem>
          {Object.entries(OBJECTION_STATUS_LABELS).map(([value, label]) => (
            <MenuItem key={value} value={value}>
              {label}
            </MenuItem>
          ))}
        </TextField>
        {data && (
          <Typography variant="body2" color="text.secondary">
            {toPersianDigits(data.evaluationObjections.totalCount)}
          </Typography>
        )}
      </Stack>
      {isPending ? (
        <LinearProgress />
      ) : error ? (
        <Alert severity="error">{error.message}</Alert>
      ) : data.evaluationObjections.items.length === 0 ? (
        <Typography variant="body2">{translate("hamafza.evaluation.noObjections")}</Typography>
      ) : (
        data.evaluationObjections.items.map((objection) => (
          <Stack key={objection.id} spacing={0.5}>
            <Link href={`#/evaluationResults/${objection.resultId}/show`}>
              {objection.managerName} — {translate("hamafza.evaluation.openResult")}
            </Link>
            <ObjectionCard
              objection={objection}
              indicatorTitle={titles[objection.indicatorCode] ?? objection.indicatorCode}
              canResolve
            />
          </Stack>
        ))
      )}
      <LocalPagination count={data?.evaluationObjections.totalCount ?? 0} page={page} onPageChange={setPage} />
    </Stack>
  );
};
