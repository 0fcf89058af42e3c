import CalculateIcon from "@mui/icons-material/Calculate";
import CompareArrowsIcon from "@mui/icons-material/CompareArrows";
import LeaderboardIcon from "@mui/icons-material/Leaderboard";
import TuneIcon from "@mui/icons-material/Tune";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import LinearProgress from "@mui/material/LinearProgress";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useNotify, useTranslate } from "react-admin";
import { formatJalali } from "../common/jalali";
import { graphqlQuery, useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import {
  CHANGE_STATE,
  COUNTY_SUMMARIES,
  DISTRIBUTION,
  PROVINCE_SUMMARIES,
  RUNS,
  RUNS_WITH_RUBRIC,
  START_RUN,
  type Cycle,
  type Run,
} from "./evaluationOperations";
import { comparePath, whatIfPath } from "./paths";
import { formatDuration, runningRun, succeededRuns } from "./runs";
import { useRunPolling } from "./useRunPolling";
import { GradeChart } from "./GradeChart";
import { IndicatorAveragesByCounty } from "./IndicatorAveragesByCounty";
import { canCompute, CYCLE_STATE_LABELS, nextCycleStates, type CycleState } from "./rubric";
import { RubricEditor, RunProgress, RunsTable, STATE_COLORS } from "./CycleRunParts";

export const CycleView = ({
  cycle,
  canEvaluate,
  onChanged,
}: {
  cycle: Cycle;
  canEvaluate: boolean;
  onChanged: () => void;
}) => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const invalidate = useInvalidateOperations();
  const notify = useNotify();
  const runs = useQuery({
    ...graphqlQuery<{ evaluationRuns: Run[] }>(dataProvider, RUNS, { year: cycle.year }),
    enabled: canEvaluate,
  });
  const distribution = useQuery(
    graphqlQuery<{ evaluationGradeDistribution: { grade: string; count: number }[] }>(dataProvider, DISTRIBUTION, {
      filter: { year: cycle.year },
    }),
  );
  const [problem, setProblem] = useState<string>();
  const [active, setActive] = useState<{ id: string; initial?: Run }>();
  const [failed, setFailed] = useState<Run>();
  const settledIds = useRef(new Set<string>());

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
      void invalidate(RUNS, RUNS_WITH_RUBRIC);
      if (run.status === "SUCCEEDED") {
        setFailed(undefined);
        notify(
          run.durationMs != null
            ? translate("hamafza.evaluation.runSucceededIn", {
                managers: run.managersScored,
                duration: formatDuration(run.durationMs),
              })
            : translate("hamafza.evaluation.runSucceededDot", { managers: run.managersScored }),
          { type: "success" },
        );
        void invalidate(DISTRIBUTION, PROVINCE_SUMMARIES, COUNTY_SUMMARIES);
        onChanged();
      } else {
        setFailed(run);
      }
    },
    [notify, onChanged, invalidate],
  );
  const polling = useRunPolling(active?.id, active?.initial, onSettled);
  const activeRun = polling.run ?? active?.initial;

  const changeState = useMutation({
    mutationFn: (state: CycleState) => dataProvider.graphql(CHANGE_STATE, { year: cycle.year, state }),
    onMutate: () => setProblem(undefined),
    onSuccess: (_data, state) => {
      notify(translate("hamafza.evaluation.cycleState", { state: CYCLE_STATE_LABELS[state] }), { type: "success" });
      onChanged();
      return invalidate(RUNS, DISTRIBUTION);
    },
    onError: (error) => setProblem(error.message),
  });

  const startRun = useMutation({
    mutationFn: () => dataProvider.graphql<{ startEvaluationRun: Run }>(START_RUN, { year: cycle.year }),
    onMutate: () => {
      setProblem(undefined);
      setFailed(undefined);
    },
    onSuccess: ({ startEvaluationRun }) => {
      if (startEvaluationRun.status !== "RUNNING") return onSettled(startEvaluationRun);
      setActive({ id: startEvaluationRun.id, initial: startEvaluationRun });
      return invalidate(RUNS);
    },
    onError: (error) => {
      setProblem(error.message);
      // A CONFLICT means another run of the year is RUNNING: the list shows it and the page follows it.
      return invalidate(RUNS);
    },
  });
  const busy = startRun.isPending ? "run" : changeState.isPending ? "state" : undefined;

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
              <Typography variant="body2">
                {translate("hamafza.evaluation.publishedOn")} {formatJalali(cycle.publishedAt, { showTime: true })}
              </Typography>
            )}
            <Box sx={{ flex: 1 }} />
            <Button
              href={`#/evaluationResults?filter=${encodeURIComponent(JSON.stringify({ year: cycle.year }))}`}
              startIcon={<LeaderboardIcon />}
            >
              {translate("hamafza.evaluation.scoreboard")}
            </Button>
            {canEvaluate && (
              <Button
                href={`#${comparePath(cycle.year)}`}
                startIcon={<CompareArrowsIcon />}
                disabled={succeeded.length < 2}
              >
                {translate("hamafza.evaluation.compareRuns")}
              </Button>
            )}
            {canEvaluate && (
              <Button href={`#${whatIfPath(cycle.year)}`} startIcon={<TuneIcon />} disabled={succeeded.length < 1}>
                {translate("hamafza.evaluation.whatIf")}
              </Button>
            )}
          </Stack>
          {canEvaluate && (
            <Stack direction="row" flexWrap="wrap" gap={1} sx={{ mt: 2 }}>
              <Button
                variant="contained"
                startIcon={<CalculateIcon />}
                disabled={!canCompute(cycle.state) || Boolean(busy) || running}
                onClick={() => startRun.mutate()}
              >
                {translate("hamafza.evaluation.compute")}
              </Button>
              {nextCycleStates(cycle.state).map((state) => (
                <Button
                  key={state}
                  variant="outlined"
                  disabled={Boolean(busy) || running}
                  onClick={() => changeState.mutate(state)}
                >
                  {translate(`hamafza.evaluation.transitions.${state}`)}
                </Button>
              ))}
            </Stack>
          )}
          {activeRun && activeRun.status === "RUNNING" && <RunProgress run={activeRun} />}
          {busy && (
            <Box sx={{ mt: 2 }} data-testid="evaluation-busy">
              <Typography variant="body2">
                {busy === "run"
                  ? translate("hamafza.evaluation.starting")
                  : translate("hamafza.evaluation.changingState")}
              </Typography>
              <LinearProgress />
            </Box>
          )}
          {polling.error && (
            <Alert severity="warning" sx={{ mt: 2 }}>
              {translate("hamafza.evaluation.pollingFailed")} {polling.error.message}
            </Alert>
          )}
          {failed && (
            <Alert severity="error" sx={{ mt: 2 }} role="alert" data-testid="run-failed">
              {translate("hamafza.evaluation.runFailed")}{" "}
              {failed.failureMessage ?? translate("hamafza.evaluation.unknownCause")}
            </Alert>
          )}
          {problem && (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {problem}
            </Alert>
          )}
          {cycle.state === "FINAL" && (
            <Alert severity="info" sx={{ mt: 2 }}>
              {translate("hamafza.evaluation.yearLocked")}
            </Alert>
          )}
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate("hamafza.evaluation.indicatorsAndWeights")}
          </Typography>
          <RubricEditor cycle={cycle} editable={canEvaluate && cycle.state === "DRAFT"} onSaved={onChanged} />
        </CardContent>
      </Card>
      <Stack direction={{ xs: "column", md: "row" }} gap={2}>
        <Card variant="outlined" sx={{ flex: 1 }}>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              {translate("hamafza.evaluation.gradeDistribution")}
            </Typography>
            {distribution.error && <Alert severity="error">{distribution.error.message}</Alert>}
            {distribution.data && <GradeChart counts={distribution.data.evaluationGradeDistribution} />}
          </CardContent>
        </Card>
        {canEvaluate && (
          <Card variant="outlined" sx={{ flex: 2 }}>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {translate("hamafza.evaluation.runs")}
              </Typography>
              {runs.isLoading && <LinearProgress />}
              {runs.error && <Alert severity="error">{runs.error.message}</Alert>}
              {runs.data && <RunsTable runs={runRows} />}
            </CardContent>
          </Card>
        )}
      </Stack>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate("hamafza.evaluation.indicatorAveragesByCounty")}
          </Typography>
          <IndicatorAveragesByCounty key={cycle.year} year={cycle.year} indicators={cycle.indicators} />
        </CardContent>
      </Card>
    </Stack>
  );
};
