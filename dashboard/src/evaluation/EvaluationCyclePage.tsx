import CalculateIcon from "@mui/icons-material/Calculate";
import CompareArrowsIcon from "@mui/icons-material/CompareArrows";
import LeaderboardIcon from "@mui/icons-material/Leaderboard";
import SaveIcon from "@mui/icons-material/Save";
import TuneIcon from "@mui/icons-material/Tune";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import LinearProgress from "@mui/material/LinearProgress";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Title, useNotify, usePermissions } from "react-admin";
import { canRoleAccess } from "../auth/access";
import type { Role } from "../auth/roles";
import { formatJalali } from "../common/jalali";
import { toPersianDigits } from "../common/persianDigits";
import { useGraphQL, useGraphQLQuery } from "../common/useGraphQL";
import { currentJalaliYear } from "../engagement/periods";
import {
  CHANGE_STATE,
  CREATE_CYCLE,
  CYCLES,
  DISTRIBUTION,
  RUNS,
  START_RUN,
  UPDATE_RUBRIC,
  type Cycle,
  type CyclePage,
  type Run,
} from "./evaluationApi";
import { comparePath, EVALUATION_PATH, whatIfPath } from "./paths";
import { RubricFields, type EditableIndicator } from "./RubricFields";
import {
  clampProgress,
  formatDuration,
  phaseLabel,
  RUN_STATUS_COLORS,
  runningRun,
  statusLabel,
  succeededRuns,
} from "./runs";
import { useRunPolling } from "./useRunPolling";
import { GradeChart } from "./GradeChart";
import { IndicatorAveragesByCounty } from "./IndicatorAveragesByCounty";
import {
  canCompute,
  CYCLE_STATE_LABELS,
  nextCycleStates,
  rubricChanges,
  rubricProblem,
  type CycleState,
  type Indicator,
} from "./rubric";

export { EVALUATION_PATH };

const STATE_COLORS: Record<CycleState, "default" | "info" | "warning" | "success" | "primary"> = {
  DRAFT: "default",
  OPEN: "info",
  UNDER_REVIEW: "warning",
  FINAL: "primary",
  PUBLISHED: "success",
};

const TRANSITION_LABELS: Record<CycleState, string> = {
  DRAFT: "بازگشت به پیش‌نویس",
  OPEN: "باز کردن دوره (مجاز به محاسبه)",
  UNDER_REVIEW: "ارسال برای بازبینی",
  FINAL: "نهایی‌کردن و قفل سال",
  PUBLISHED: "انتشار نتایج",
};

/** The rubric of a cycle: weights and targets editable while DRAFT, with their sum shown live. */
const RubricEditor = ({
  cycle,
  editable,
  onSaved,
}: {
  cycle: Cycle;
  editable: boolean;
  onSaved: (cycle: Cycle) => void;
}) => {
  const graphql = useGraphQL();
  const notify = useNotify();
  const [rows, setRows] = useState<EditableIndicator[]>(cycle.indicators);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  useEffect(() => setRows(cycle.indicators), [cycle]);
  const invalid = rubricProblem(rows as Partial<Indicator>[]);
  const changes = rubricChanges(cycle.indicators, rows as Partial<Indicator>[]);

  const set = (code: string, key: "weight" | "target", value: string) =>
    setRows((current) => current.map((row) => (row.code === code ? { ...row, [key]: value } : row)));

  const save = async () => {
    setSaving(true);
    setProblem(undefined);
    try {
      const data = await graphql<{ updateEvaluationRubric: Cycle }>(UPDATE_RUBRIC, {
        year: cycle.year,
        indicators: changes,
      });
      notify("شاخص‌های ارزیابی ذخیره شد.", { type: "success" });
      onSaved(data.updateEvaluationRubric);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box data-testid="rubric-editor">
      <RubricFields rows={rows} editable={editable} onChange={set} />
      {editable && invalid && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {invalid}
        </Alert>
      )}
      {problem && (
        <Alert severity="error" sx={{ mt: 1 }} role="alert">
          {problem}
        </Alert>
      )}
      {editable && (
        <Button
          sx={{ mt: 1 }}
          variant="contained"
          startIcon={<SaveIcon />}
          disabled={Boolean(invalid) || changes.length === 0 || saving}
          onClick={save}
        >
          ذخیره شاخص‌ها
        </Button>
      )}
      {!editable && (
        <Typography variant="caption" color="text.secondary">
          وزن‌ها و هدف‌ها فقط وقتی دوره «پیش‌نویس» است تغییر می‌کنند.
        </Typography>
      )}
    </Box>
  );
};

export const RunStatusChip = ({ run }: { run: Pick<Run, "status"> }) => (
  <Chip
    size="small"
    color={RUN_STATUS_COLORS[run.status] ?? "default"}
    label={statusLabel(run.status)}
    data-testid="run-status"
  />
);

const RunsTable = ({ runs }: { runs: Run[] }) =>
  runs.length === 0 ? (
    <Typography variant="body2">هنوز محاسبه‌ای اجرا نشده است.</Typography>
  ) : (
    <Box sx={{ overflowX: "auto" }}>
      <Table size="small" data-testid="evaluation-runs">
        <TableHead>
          <TableRow>
            <TableCell>وضعیت</TableCell>
            <TableCell>شروع</TableCell>
            <TableCell>پایان</TableCell>
            <TableCell>مدت</TableCell>
            <TableCell>مدیران امتیازگرفته</TableCell>
            <TableCell>بدون تصدی</TableCell>
            <TableCell>محاسبه‌کننده</TableCell>
            <TableCell>اثر انگشت نتایج</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {runs.map((run) => (
            <TableRow key={run.id} data-run-id={run.id} data-status={run.status}>
              <TableCell>
                <RunStatusChip run={run} />
                {run.status === "RUNNING" && (
                  <Typography variant="caption" display="block" color="text.secondary">
                    {phaseLabel(run.phase)} ({toPersianDigits(clampProgress(run.progress))}٪)
                  </Typography>
                )}
                {run.status === "FAILED" && run.failureMessage && (
                  <Typography variant="caption" display="block" color="error">
                    {run.failureMessage}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{formatJalali(run.computedAt, { showTime: true })}</TableCell>
              <TableCell>{run.finishedAt ? formatJalali(run.finishedAt, { showTime: true }) : "—"}</TableCell>
              <TableCell>{formatDuration(run.durationMs)}</TableCell>
              <TableCell>{run.status === "SUCCEEDED" ? toPersianDigits(run.managersScored) : "—"}</TableCell>
              <TableCell>{run.status === "SUCCEEDED" ? toPersianDigits(run.managersWithoutTenure) : "—"}</TableCell>
              <TableCell>{run.computedBy}</TableCell>
              <TableCell dir="ltr" sx={{ fontFamily: "monospace" }}>
                {run.resultsHash ? run.resultsHash.slice(0, 12) : "—"}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );

/** The determinate progress of a RUNNING run, with its phase in Persian. */
export const RunProgress = ({ run }: { run: Run }) => {
  const value = clampProgress(run.progress);
  return (
    <Box sx={{ mt: 2 }} data-testid="evaluation-progress" data-phase={run.phase} data-progress={value}>
      <Stack direction="row" justifyContent="space-between" sx={{ mb: 0.5 }}>
        <Typography variant="body2" data-testid="evaluation-phase">
          {phaseLabel(run.phase)}
        </Typography>
        <Typography variant="body2">{toPersianDigits(value)}٪</Typography>
      </Stack>
      <LinearProgress variant="determinate" value={value} aria-label="پیشرفت محاسبه امتیازها" />
    </Box>
  );
};

const CycleView = ({
  cycle,
  canEvaluate,
  onChanged,
}: {
  cycle: Cycle;
  canEvaluate: boolean;
  onChanged: () => void;
}) => {
  const graphql = useGraphQL();
  const notify = useNotify();
  const runs = useGraphQLQuery<{ evaluationRuns: Run[] }>(RUNS, { year: cycle.year }, canEvaluate);
  const distribution = useGraphQLQuery<{ evaluationGradeDistribution: { grade: string; count: number }[] }>(
    DISTRIBUTION,
    {
      filter: { year: cycle.year },
    },
  );
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [active, setActive] = useState<{ id: string; initial?: Run }>();
  const [failed, setFailed] = useState<Run>();
  const [refreshKey, setRefreshKey] = useState(0);
  const settledIds = useRef(new Set<string>());
  const { refetch: refetchRuns } = runs;
  const { refetch: refetchDistribution } = distribution;

  // After a reload (or another evaluator's start), follow the RUNNING run the list shows.
  useEffect(() => {
    if (active || !runs.data) return;
    const running = runningRun(runs.data.evaluationRuns);
    if (running && !settledIds.current.has(running.id)) setActive({ id: running.id, initial: running });
  }, [runs.data, active]);

  const onSettled = useCallback(
    (run: Run) => {
      settledIds.current.add(run.id);
      setActive(undefined);
      refetchRuns();
      if (run.status === "SUCCEEDED") {
        setFailed(undefined);
        notify(
          toPersianDigits(`محاسبه انجام شد: ${run.managersScored} مدیر`) +
            (run.durationMs != null ? ` در ${formatDuration(run.durationMs)}.` : "."),
          { type: "success" },
        );
        refetchDistribution();
        setRefreshKey((key) => key + 1);
        onChanged();
      } else {
        setFailed(run);
      }
    },
    [notify, onChanged, refetchDistribution, refetchRuns],
  );
  const polling = useRunPolling(active?.id, active?.initial, onSettled);
  const activeRun = polling.run ?? active?.initial;

  const act = async (label: string, run: () => Promise<string>) => {
    setBusy(label);
    setProblem(undefined);
    try {
      notify(await run(), { type: "success" });
      onChanged();
      runs.refetch();
      distribution.refetch();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(undefined);
    }
  };

  const compute = async () => {
    setBusy("run");
    setProblem(undefined);
    setFailed(undefined);
    try {
      const { startEvaluationRun } = await graphql<{ startEvaluationRun: Run }>(START_RUN, { year: cycle.year });
      if (startEvaluationRun.status === "RUNNING") {
        setActive({ id: startEvaluationRun.id, initial: startEvaluationRun });
        runs.refetch();
      } else {
        onSettled(startEvaluationRun);
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      // A CONFLICT means another run of the year is RUNNING: the list shows it and the page follows it.
      runs.refetch();
    } finally {
      setBusy(undefined);
    }
  };
  const transition = (state: CycleState) =>
    act(state, async () => {
      await graphql(CHANGE_STATE, { year: cycle.year, state });
      return `وضعیت دوره: ${CYCLE_STATE_LABELS[state]}`;
    });

  // The table shows the followed run as polled (its progress), even before the list is fetched again.
  const runRows = useMemo(() => {
    const listed = runs.data?.evaluationRuns ?? [];
    if (!activeRun) return listed;
    return listed.some((run) => run.id === activeRun.id)
      ? listed.map((run) => (run.id === activeRun.id ? activeRun : run))
      : [activeRun, ...listed];
  }, [runs.data, activeRun]);
  const succeeded = succeededRuns(runRows);
  const running = Boolean(active);

  return (
    <Stack spacing={2}>
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" flexWrap="wrap" alignItems="center" gap={2}>
            <Typography variant="h6" component="h2">
              {cycle.title}
            </Typography>
            <Chip color={STATE_COLORS[cycle.state]} label={CYCLE_STATE_LABELS[cycle.state]} data-testid="cycle-state" />
            {cycle.publishedAt && (
              <Typography variant="body2">انتشار: {formatJalali(cycle.publishedAt, { showTime: true })}</Typography>
            )}
            <Box sx={{ flex: 1 }} />
            <Button
              href={`#/evaluationResults?filter=${encodeURIComponent(JSON.stringify({ year: cycle.year }))}`}
              startIcon={<LeaderboardIcon />}
            >
              جدول امتیازها
            </Button>
            {canEvaluate && (
              <Button
                href={`#${comparePath(cycle.year)}`}
                startIcon={<CompareArrowsIcon />}
                disabled={succeeded.length < 2}
              >
                مقایسه دو اجرا
              </Button>
            )}
            {canEvaluate && (
              <Button href={`#${whatIfPath(cycle.year)}`} startIcon={<TuneIcon />} disabled={succeeded.length < 1}>
                شبیه‌سازی وزن‌ها (چه می‌شود اگر)
              </Button>
            )}
          </Stack>
          {canEvaluate && (
            <Stack direction="row" flexWrap="wrap" gap={1} sx={{ mt: 2 }}>
              <Button
                variant="contained"
                startIcon={<CalculateIcon />}
                disabled={!canCompute(cycle.state) || Boolean(busy) || running}
                onClick={compute}
              >
                اجرای محاسبه امتیازها
              </Button>
              {nextCycleStates(cycle.state).map((state) => (
                <Button
                  key={state}
                  variant="outlined"
                  disabled={Boolean(busy) || running}
                  onClick={() => transition(state)}
                >
                  {TRANSITION_LABELS[state]}
                </Button>
              ))}
            </Stack>
          )}
          {activeRun && activeRun.status === "RUNNING" && <RunProgress run={activeRun} />}
          {busy && (
            <Box sx={{ mt: 2 }} data-testid="evaluation-busy">
              <Typography variant="body2">{busy === "run" ? "در حال آغاز محاسبه…" : "در حال تغییر وضعیت…"}</Typography>
              <LinearProgress />
            </Box>
          )}
          {polling.error && (
            <Alert severity="warning" sx={{ mt: 2 }}>
              پیگیری پیشرفت محاسبه ممکن نشد: {polling.error.message}
            </Alert>
          )}
          {failed && (
            <Alert severity="error" sx={{ mt: 2 }} role="alert" data-testid="run-failed">
              محاسبه ناموفق بود: {failed.failureMessage ?? "علت نامشخص"}
            </Alert>
          )}
          {problem && (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {problem}
            </Alert>
          )}
          {cycle.state === "FINAL" && (
            <Alert severity="info" sx={{ mt: 2 }}>
              سوابق تعامل این سال قفل شده‌اند و دیگر تغییر نمی‌کنند.
            </Alert>
          )}
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            شاخص‌ها و وزن‌ها
          </Typography>
          <RubricEditor cycle={cycle} editable={canEvaluate && cycle.state === "DRAFT"} onSaved={onChanged} />
        </CardContent>
      </Card>
      <Stack direction={{ xs: "column", md: "row" }} gap={2}>
        <Card variant="outlined" sx={{ flex: 1 }}>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              توزیع رتبه‌های کیفی
            </Typography>
            {distribution.error && <Alert severity="error">{distribution.error.message}</Alert>}
            {distribution.data && <GradeChart counts={distribution.data.evaluationGradeDistribution} />}
          </CardContent>
        </Card>
        {canEvaluate && (
          <Card variant="outlined" sx={{ flex: 2 }}>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                اجراهای محاسبه
              </Typography>
              {runs.isPending && !runs.data && <LinearProgress />}
              {runs.error && <Alert severity="error">{runs.error.message}</Alert>}
              {runs.data && <RunsTable runs={runRows} />}
            </CardContent>
          </Card>
        )}
      </Stack>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            میانگین امتیاز شاخص‌ها به تفکیک شهرستان
          </Typography>
          <IndicatorAveragesByCounty
            key={`${cycle.year}-${refreshKey}`}
            year={cycle.year}
            indicators={cycle.indicators}
          />
        </CardContent>
      </Card>
    </Stack>
  );
};

/** Evaluation cycles: the rubric editor, computation runs and the cycle's states (by role). */
export const EvaluationCyclePage = () => {
  const { permissions } = usePermissions<Role | undefined>();
  const canEvaluate = canRoleAccess(permissions, { action: "edit", resource: "evaluationCycles" });
  const graphql = useGraphQL();
  const notify = useNotify();
  const cycles = useGraphQLQuery<{ evaluationCycles: CyclePage }>(CYCLES, {});
  const [year, setYear] = useState<number>();
  const list = useMemo(() => cycles.data?.evaluationCycles.items ?? [], [cycles.data]);
  const cycle = list.find((candidate) => candidate.year === year) ?? list[0];
  const nextYear = Math.max(currentJalaliYear(), ...list.map((item) => item.year + 1));
  const create = async () => {
    try {
      await graphql(CREATE_CYCLE, { year: nextYear });
      setYear(nextYear);
      cycles.refetch();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: "error" });
    }
  };

  return (
    <Box sx={{ mt: 1 }}>
      <Title title="دوره‌های ارزیابی مدیران" />
      <Stack direction="row" alignItems="center" gap={2} sx={{ mb: 2 }}>
        <TextField
          select
          size="small"
          label="سال ارزیابی"
          value={cycle?.year ?? ""}
          onChange={(event) => setYear(Number(event.target.value))}
          sx={{ minWidth: 160 }}
        >
          {list.map((item) => (
            <MenuItem key={item.year} value={item.year}>
              {toPersianDigits(item.year)}
            </MenuItem>
          ))}
        </TextField>
        {canEvaluate && !list.some((item) => item.year === nextYear) && (
          <Button onClick={create}>{toPersianDigits(`ایجاد دوره ${nextYear}`)}</Button>
        )}
      </Stack>
      {cycles.isPending && <LinearProgress />}
      {cycles.error && <Alert severity="error">{cycles.error.message}</Alert>}
      {cycles.data && !cycle && <Alert severity="info">دوره ارزیابی‌ای تعریف نشده است.</Alert>}
      {cycle && <CycleView key={cycle.year} cycle={cycle} canEvaluate={canEvaluate} onChanged={cycles.refetch} />}
    </Box>
  );
};
