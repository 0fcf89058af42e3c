import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import FormControlLabel from "@mui/material/FormControlLabel";
import LinearProgress from "@mui/material/LinearProgress";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import Switch from "@mui/material/Switch";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { Title, useTranslate, type TranslateFunction } from "react-admin";
import { personName } from "../common/personName";
import { formatJalali } from "../common/jalali";
import { LocalPagination, PAGE_SIZE } from "./LocalPagination";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { RUN_DIFF, RUNS_WITH_RUBRIC, type RunChange, type RunWithRubric } from "./evaluationOperations";
import { GRADE_COLORS, type Grade } from "./rubric";
import {
  defaultComparison,
  deltaColor,
  diffSummary,
  formatScore,
  formatSigned,
  gradeLabel,
  indicatorTitles,
  isChanged,
  succeededRuns,
} from "./runs";
import { BackToCycle, NotAllowed, useEvaluationScreen } from "./EvaluationScreen";

/** «اجرای ۳ — ۱۴۰۴/۰۹/۰۱ ۱۹:۵۴ — حسین موسوی (۴۰ مدیر)»; `number` counts the year's SUCCEEDED runs from the oldest. */
export const runLabel = (translate: TranslateFunction, run: RunWithRubric, number: number) =>
  translate("hamafza.evaluation.runLabel", {
    number,
    at: formatJalali(run.computedAt, { showTime: true }),
    by: personName(run.computedByPerson, run.computedBy),
    managers: run.managersScored,
  });

const GradeText = ({ grade }: { grade: string | null }) =>
  grade ? (
    <Chip size="small" variant="outlined" color={GRADE_COLORS[grade as Grade] ?? "default"} label={gradeLabel(grade)} />
  ) : (
    <span>—</span>
  );

const DiffTable = ({ changes, rubric }: { changes: RunChange[]; rubric: RunWithRubric["rubric"] }) => {
  const translate = useTranslate();
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [changes]);
  const shown = changes.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <>
      <Table size="small" data-testid="run-diff">
        <TableHead>
          <TableRow>
            <TableCell>{translate("hamafza.common.manager")}</TableCell>
            <TableCell>{translate("hamafza.evaluation.scoreBefore")}</TableCell>
            <TableCell>{translate("hamafza.evaluation.scoreAfter")}</TableCell>
            <TableCell>{translate("hamafza.common.change")}</TableCell>
            <TableCell>{translate("hamafza.evaluation.gradeBeforeAfter")}</TableCell>
            <TableCell>{translate("hamafza.evaluation.changedIndicators")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((change) => (
            <TableRow key={change.managerId} data-manager-id={change.managerId}>
              <TableCell>{change.managerName}</TableCell>
              <TableCell data-cell="before">{formatScore(change.before)}</TableCell>
              <TableCell data-cell="after">{formatScore(change.after)}</TableCell>
              <TableCell
                data-cell="delta"
                sx={{ color: deltaColor(change.delta), fontWeight: 600 }}
                dir="ltr"
                align="right"
              >
                {formatSigned(change.delta)}
              </TableCell>
              <TableCell data-cell="grade">
                <Stack direction="row" alignItems="center" gap={0.5}>
                  <GradeText grade={change.gradeBefore} />
                  <span>←</span>
                  <GradeText grade={change.gradeAfter} />
                </Stack>
              </TableCell>
              <TableCell data-cell="indicators">
                {change.changedIndicators.length === 0 ? (
                  "—"
                ) : (
                  <Stack direction="row" flexWrap="wrap" gap={0.5}>
                    {indicatorTitles(change.changedIndicators, rubric).map((title, index) => (
                      <Chip
                        key={change.changedIndicators[index]}
                        size="small"
                        label={title}
                        data-code={change.changedIndicators[index]}
                      />
                    ))}
                  </Stack>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <LocalPagination count={changes.length} page={page} onPageChange={setPage} />
    </>
  );
};

/** Two SUCCEEDED runs of a year side by side: each manager's total before/after, the grade and the indicators that changed. */
export const RunComparison = () => {
  const translate = useTranslate();
  const { year, canEvaluate, isPending } = useEvaluationScreen();
  const dataProvider = useHamafzaDataProvider();
  const runs = useQuery({
    ...graphqlQuery<{ evaluationRuns: RunWithRubric[] }>(dataProvider, RUNS_WITH_RUBRIC, { year }),
    enabled: canEvaluate && Number.isInteger(year),
  });
  const succeeded = useMemo(() => succeededRuns(runs.data?.evaluationRuns ?? []), [runs.data]);
  const [selection, setSelection] = useState<{ fromRunId?: string; toRunId?: string }>({});
  useEffect(() => {
    if (runs.data)
      setSelection((current) =>
        current.fromRunId && current.toRunId ? current : defaultComparison(runs.data!.evaluationRuns),
      );
  }, [runs.data]);
  const { fromRunId, toRunId } = selection;
  const ready = Boolean(fromRunId && toRunId && fromRunId !== toRunId);
  const diff = useQuery({
    ...graphqlQuery<{ evaluationRunDiff: RunChange[] }>(dataProvider, RUN_DIFF, { fromRunId, toRunId }),
    enabled: canEvaluate && ready,
  });
  const [onlyChanged, setOnlyChanged] = useState(false);
  const all = useMemo(() => (ready ? (diff.data?.evaluationRunDiff ?? []) : []), [diff.data, ready]);
  const shown = useMemo(() => (onlyChanged ? all.filter(isChanged) : all), [all, onlyChanged]);
  const summary = diffSummary(all);
  const toRun = succeeded.find((run) => run.id === toRunId);
  const fromRun = succeeded.find((run) => run.id === fromRunId);
  const rubric = [...(toRun?.rubric ?? []), ...(fromRun?.rubric ?? [])];

  if (isPending) return <LinearProgress sx={{ mt: 2 }} />;
  if (!canEvaluate) return <NotAllowed />;

  const runSelect = (label: string, value: string | undefined, key: "fromRunId" | "toRunId", testId: string) => (
    <TextField
      select
      size="small"
      label={label}
      value={value ?? ""}
      onChange={(event) => setSelection((current) => ({ ...current, [key]: event.target.value }))}
      sx={{ minWidth: 340 }}
      slotProps={{ htmlInput: { "data-testid": testId } }}
    >
      {succeeded.map((run, index) => (
        <MenuItem key={run.id} value={run.id}>
          {runLabel(translate, run, succeeded.length - index)}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate("hamafza.evaluation.compareTitle", { year })} />
      <Stack direction="row" alignItems="center" gap={2} sx={{ mb: 2 }}>
        <Typography variant="h6" component="h1">
          {translate("hamafza.evaluation.compareHeading", { year })}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <BackToCycle />
      </Stack>
      {runs.isLoading && <LinearProgress />}
      {runs.error && <Alert severity="error">{runs.error.message}</Alert>}
      {runs.data && succeeded.length < 2 && (
        <Alert severity="info">{translate("hamafza.evaluation.compareNeedsTwo")}</Alert>
      )}
      {succeeded.length >= 2 && (
        <Card variant="outlined">
          <CardContent>
            <Stack direction="row" flexWrap="wrap" alignItems="center" gap={2} sx={{ mb: 2 }}>
              {runSelect(translate("hamafza.evaluation.earlierRun"), fromRunId, "fromRunId", "compare-from")}
              {runSelect(translate("hamafza.evaluation.laterRun"), toRunId, "toRunId", "compare-to")}
              <FormControlLabel
                control={<Switch checked={onlyChanged} onChange={(event) => setOnlyChanged(event.target.checked)} />}
                label={translate("hamafza.evaluation.onlyChanged")}
              />
            </Stack>
            {fromRunId && fromRunId === toRunId && (
              <Alert severity="warning">{translate("hamafza.evaluation.chooseTwoRuns")}</Alert>
            )}
            {diff.isLoading && <LinearProgress />}
            {diff.error && <Alert severity="error">{diff.error.message}</Alert>}
            {ready && diff.data && (
              <>
                <Typography variant="body2" sx={{ mb: 1 }} data-testid="diff-summary">
                  {translate("hamafza.evaluation.diffSummary", summary)}
                </Typography>
                {shown.length === 0 ? (
                  <Alert severity="info">{translate("hamafza.evaluation.noDifference")}</Alert>
                ) : (
                  <DiffTable changes={shown} rubric={rubric} />
                )}
              </>
            )}
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
