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
import { Title } from "react-admin";
import { formatJalali } from "../common/jalali";
import { toPersianDigits } from "../common/persianDigits";
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

/** «اجرای ۳ — ۱۴۰۴/۰۹/۰۱ ۱۹:۵۴ — demo.evaluator (۴۰ مدیر)»; `number` counts the year's SUCCEEDED runs from the oldest. */
export const runLabel = (run: RunWithRubric, number: number) =>
  `${toPersianDigits(`اجرای ${number}`)} — ${formatJalali(run.computedAt, { showTime: true })} — ${run.computedBy} (${toPersianDigits(run.managersScored)} مدیر)`;

const GradeText = ({ grade }: { grade: string | null }) =>
  grade ? (
    <Chip size="small" variant="outlined" color={GRADE_COLORS[grade as Grade] ?? "default"} label={gradeLabel(grade)} />
  ) : (
    <span>—</span>
  );

const DiffTable = ({ changes, rubric }: { changes: RunChange[]; rubric: RunWithRubric["rubric"] }) => {
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [changes]);
  const shown = changes.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <>
      <Table size="small" data-testid="run-diff">
        <TableHead>
          <TableRow>
            <TableCell>مدیر</TableCell>
            <TableCell>امتیاز پیشین</TableCell>
            <TableCell>امتیاز جدید</TableCell>
            <TableCell>تغییر</TableCell>
            <TableCell>رتبه کیفی (پیشین ← جدید)</TableCell>
            <TableCell>شاخص‌های تغییرکرده</TableCell>
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
          {runLabel(run, succeeded.length - index)}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Box sx={{ mt: 1 }}>
      <Title title={toPersianDigits(`مقایسه دو اجرای محاسبه — ${year}`)} />
      <Stack direction="row" alignItems="center" gap={2} sx={{ mb: 2 }}>
        <Typography variant="h6" component="h1">
          {toPersianDigits(`مقایسه دو اجرای محاسبه سال ${year}`)}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <BackToCycle />
      </Stack>
      {runs.isLoading && <LinearProgress />}
      {runs.error && <Alert severity="error">{runs.error.message}</Alert>}
      {runs.data && succeeded.length < 2 && (
        <Alert severity="info">برای مقایسه دست‌کم دو اجرای موفق از این سال لازم است.</Alert>
      )}
      {succeeded.length >= 2 && (
        <Card variant="outlined">
          <CardContent>
            <Stack direction="row" flexWrap="wrap" alignItems="center" gap={2} sx={{ mb: 2 }}>
              {runSelect("اجرای پیشین", fromRunId, "fromRunId", "compare-from")}
              {runSelect("اجرای جدید", toRunId, "toRunId", "compare-to")}
              <FormControlLabel
                control={<Switch checked={onlyChanged} onChange={(event) => setOnlyChanged(event.target.checked)} />}
                label="فقط مدیرانی که تغییر کرده‌اند"
              />
            </Stack>
            {fromRunId && fromRunId === toRunId && <Alert severity="warning">دو اجرای متفاوت انتخاب کنید.</Alert>}
            {diff.isLoading && <LinearProgress />}
            {diff.error && <Alert severity="error">{diff.error.message}</Alert>}
            {ready && diff.data && (
              <>
                <Typography variant="body2" sx={{ mb: 1 }} data-testid="diff-summary">
                  {toPersianDigits(
                    `${summary.managers} مدیر؛ ${summary.changed} مدیر تغییر کرده‌اند و رتبه کیفی ${summary.gradeChanged} مدیر عوض شده است.`,
                  )}
                </Typography>
                {shown.length === 0 ? (
                  <Alert severity="info">تغییری میان این دو اجرا نیست.</Alert>
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
