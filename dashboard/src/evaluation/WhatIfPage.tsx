import CalculateIcon from "@mui/icons-material/Calculate";
import RestartAltIcon from "@mui/icons-material/RestartAlt";
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
import { HttpError } from "ra-core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { Title, useGetList, useTranslate } from "react-admin";
import { toPersianDigits } from "../common/persianDigits";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { POSITION_KIND_LABELS } from "../managers/managerEnums";
import { RUNS_WITH_RUBRIC, WHAT_IF, type RunWithRubric, type WhatIfRow } from "./evaluationOperations";
import { LocalPagination, PAGE_SIZE } from "./LocalPagination";
import { runLabel } from "./RunComparison";
import { RubricFields, type EditableIndicator, type IndicatorErrors } from "./RubricFields";
import { GRADE_COLORS, rubricProblem, type Grade, type Indicator } from "./rubric";
import {
  computedGrade,
  deltaColor,
  formatScore,
  formatSigned,
  gradeLabel,
  indicatorFieldErrors,
  succeededRuns,
  whatIfSummary,
} from "./runs";
import { BackToCycle, NotAllowed, useEvaluationScreen } from "./EvaluationScreen";

type WhatIfIndicator = { code: string; weight: number; target: number };

const GradeChip = ({ grade }: { grade: string }) => (
  <Chip size="small" variant="outlined" color={GRADE_COLORS[grade as Grade] ?? "default"} label={gradeLabel(grade)} />
);

const WhatIfTable = ({ rows, provinces }: { rows: WhatIfRow[]; provinces: Map<string, string> }) => {
  const translate = useTranslate();
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [rows]);
  const shown = rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  return (
    <>
      <Table size="small" data-testid="what-if-results">
        <TableHead>
          <TableRow>
            <TableCell>{translate("hamafza.common.manager")}</TableCell>
            <TableCell>{translate("hamafza.common.position")}</TableCell>
            <TableCell>{translate("hamafza.common.province")}</TableCell>
            <TableCell>{translate("hamafza.common.calculatedScore")}</TableCell>
            <TableCell>{translate("hamafza.evaluation.whatIfScore")}</TableCell>
            <TableCell>{translate("hamafza.common.change")}</TableCell>
            <TableCell>{translate("hamafza.evaluation.gradeNowWhatIf")}</TableCell>
            <TableCell>{translate("hamafza.common.provinceRank")}</TableCell>
            <TableCell>{translate("hamafza.common.nationalRank")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((row) => (
            <TableRow key={row.managerId} data-manager-id={row.managerId}>
              <TableCell>{row.managerName}</TableCell>
              <TableCell>
                {POSITION_KIND_LABELS[row.positionKind as keyof typeof POSITION_KIND_LABELS] ?? row.positionKind}
              </TableCell>
              <TableCell>{provinces.get(row.provinceId) ?? toPersianDigits(row.provinceId)}</TableCell>
              <TableCell data-cell="computedTotal">{formatScore(row.computedTotal)}</TableCell>
              <TableCell data-cell="total">{formatScore(row.total)}</TableCell>
              <TableCell
                data-cell="delta"
                sx={{ color: deltaColor(row.delta), fontWeight: 600 }}
                dir="ltr"
                align="right"
              >
                {formatSigned(row.delta)}
              </TableCell>
              <TableCell data-cell="grade" data-grade={row.grade}>
                <Stack direction="row" alignItems="center" gap={0.5}>
                  <GradeChip grade={computedGrade(row)} />
                  <span>←</span>
                  <GradeChip grade={row.grade} />
                </Stack>
              </TableCell>
              <TableCell data-cell="provinceRank">{toPersianDigits(row.provinceRank)}</TableCell>
              <TableCell data-cell="nationalRank">{toPersianDigits(row.nationalRank)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <LocalPagination count={rows.length} page={page} onPageChange={setPage} />
    </>
  );
};

/** What-if: the facts of a SUCCEEDED run scored under other weights/targets; nothing is saved. */
export const WhatIfPage = () => {
  const translate = useTranslate();
  const { year, canEvaluate, isPending } = useEvaluationScreen();
  const dataProvider = useHamafzaDataProvider();
  const runs = useQuery({
    ...graphqlQuery<{ evaluationRuns: RunWithRubric[] }>(dataProvider, RUNS_WITH_RUBRIC, { year }),
    enabled: canEvaluate && Number.isInteger(year),
  });
  const succeeded = useMemo(() => succeededRuns(runs.data?.evaluationRuns ?? []), [runs.data]);
  const [runId, setRunId] = useState<string>();
  const run = succeeded.find((candidate) => candidate.id === runId) ?? succeeded[0];
  const [rows, setRows] = useState<EditableIndicator[]>([]);
  const [refusal, setRefusal] = useState<string>();
  const [problem, setProblem] = useState<string[]>();
  const [fieldErrors, setFieldErrors] = useState<IndicatorErrors>({});
  // Scores under the edited rubric: computed on demand, nothing is saved.
  const whatIf = useMutation({
    mutationFn: ({ runId, indicators }: { runId: string; indicators: WhatIfIndicator[] }) =>
      dataProvider.graphql<{ evaluationWhatIf: WhatIfRow[] }>(WHAT_IF, { runId, indicators }),
    onMutate: () => {
      setProblem(undefined);
      setFieldErrors({});
    },
    onError: (error, { indicators }) => {
      const fields =
        error instanceof HttpError
          ? (error.body as { errors?: Record<string, string> } | undefined)?.errors
          : undefined;
      const { byCode, general } = indicatorFieldErrors(fields, indicators);
      setFieldErrors(byCode);
      setProblem(general.length ? general : Object.keys(byCode).length ? [] : [error.message]);
    },
  });
  const result = whatIf.data?.evaluationWhatIf;
  const { reset: resetWhatIf } = whatIf;
  const provinces = useGetList(
    "provinces",
    { pagination: { page: 1, perPage: 100 }, sort: { field: "name", order: "ASC" } },
    { enabled: canEvaluate },
  );
  const provinceNames = useMemo(
    () => new Map((provinces.data ?? []).map((province) => [String(province.id), String(province.name)])),
    [provinces.data],
  );

  const reset = (source: RunWithRubric | undefined) => {
    setRows(source?.rubric ?? []);
    setRefusal(undefined);
    setProblem(undefined);
    setFieldErrors({});
    resetWhatIf();
  };
  // The editor starts from the chosen run's rubric (again when another run is chosen).
  useEffect(() => reset(run), [run?.id]);

  const set = (code: string, key: "weight" | "target", value: string) => {
    setRows((current) => current.map((row) => (row.code === code ? { ...row, [key]: value } : row)));
    setRefusal(undefined);
    setFieldErrors((current) =>
      current[code]?.[key] ? { ...current, [code]: { ...current[code], [key]: undefined } } : current,
    );
  };
  const invalid = rubricProblem(rows as Partial<Indicator>[]);

  const compute = () => {
    if (!run) return;
    setProblem(undefined);
    setFieldErrors({});
    if (invalid) {
      setRefusal(translate("hamafza.evaluation.whatIfRefused", { problem: invalid }));
      return;
    }
    setRefusal(undefined);
    const indicators = rows.map((row) => ({ code: row.code, weight: Number(row.weight), target: Number(row.target) }));
    whatIf.mutate({ runId: run.id, indicators });
  };

  if (isPending) return <LinearProgress sx={{ mt: 2 }} />;
  if (!canEvaluate) return <NotAllowed />;
  const summary = result ? whatIfSummary(result) : undefined;

  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate("hamafza.evaluation.whatIfTitle", { year })} />
      <Stack direction="row" alignItems="center" gap={2} sx={{ mb: 2 }}>
        <Typography variant="h6" component="h1">
          {translate("hamafza.evaluation.whatIfHeading", { year })}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <BackToCycle />
      </Stack>
      <Alert severity="info" sx={{ mb: 2 }} data-testid="what-if-not-saved">
        {translate("hamafza.evaluation.whatIfNotSaved")}
      </Alert>
      {runs.isLoading && <LinearProgress />}
      {runs.error && <Alert severity="error">{runs.error.message}</Alert>}
      {runs.data && !run && <Alert severity="info">{translate("hamafza.evaluation.noSucceededRun")}</Alert>}
      {run && (
        <Stack spacing={2}>
          <Card variant="outlined">
            <CardContent>
              <Stack direction="row" flexWrap="wrap" alignItems="center" gap={2} sx={{ mb: 2 }}>
                <TextField
                  select
                  size="small"
                  label={translate("hamafza.evaluation.baseRun")}
                  value={run.id}
                  onChange={(event) => setRunId(event.target.value)}
                  sx={{ minWidth: 340 }}
                >
                  {succeeded.map((candidate, index) => (
                    <MenuItem key={candidate.id} value={candidate.id}>
                      {runLabel(translate, candidate, succeeded.length - index)}
                    </MenuItem>
                  ))}
                </TextField>
                <Box sx={{ flex: 1 }} />
                <Button startIcon={<RestartAltIcon />} onClick={() => reset(run)}>
                  {translate("hamafza.evaluation.resetWeights")}
                </Button>
              </Stack>
              <Box data-testid="what-if-rubric">
                <RubricFields rows={rows} editable onChange={set} errors={fieldErrors} />
              </Box>
              {invalid && !refusal && (
                <Alert severity="warning" sx={{ mt: 1 }}>
                  {invalid}
                </Alert>
              )}
              {refusal && (
                <Alert severity="error" sx={{ mt: 1 }} role="alert" data-testid="what-if-refusal">
                  {refusal}
                </Alert>
              )}
              {problem?.map((message) => (
                <Alert key={message} severity="error" sx={{ mt: 1 }} role="alert">
                  {message}
                </Alert>
              ))}
              <Button
                sx={{ mt: 1 }}
                variant="contained"
                startIcon={<CalculateIcon />}
                disabled={whatIf.isPending}
                onClick={compute}
              >
                {translate("hamafza.evaluation.computeWhatIf")}
              </Button>
              {whatIf.isPending && <LinearProgress sx={{ mt: 1 }} />}
            </CardContent>
          </Card>
          {result && summary && (
            <Card variant="outlined">
              <CardContent>
                <Typography variant="h6" component="h2" gutterBottom>
                  {translate("hamafza.evaluation.whatIfResult")}
                </Typography>
                <Typography variant="body2" sx={{ mb: 1 }} data-testid="what-if-summary">
                  {translate("hamafza.evaluation.whatIfSummary", summary)}
                  {translate("hamafza.evaluation.meanDelta")} <span dir="ltr">{formatSigned(summary.meanDelta)}</span>
                  {translate("hamafza.evaluation.maxDelta")} {formatScore(summary.maxAbsDelta)}
                </Typography>
                <WhatIfTable rows={result} provinces={provinceNames} />
              </CardContent>
            </Card>
          )}
        </Stack>
      )}
    </Box>
  );
};
