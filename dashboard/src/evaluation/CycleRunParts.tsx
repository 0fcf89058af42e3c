import SaveIcon from "@mui/icons-material/Save";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import LinearProgress from "@mui/material/LinearProgress";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useNotify, useTranslate } from "react-admin";
import { personName } from "../common/personName";
import { formatJalali } from "../common/jalali";
import { toPersianDigits } from "../common/persianDigits";
import { useHamafzaDataProvider } from "../common/graphqlOperations";
import { UPDATE_RUBRIC, type Cycle, type Run } from "./evaluationOperations";
import { RubricFields, type EditableIndicator } from "./RubricFields";
import { clampProgress, formatDuration, phaseLabel, RUN_STATUS_COLORS, statusLabel } from "./runs";
import { rubricChanges, rubricProblem, type CycleState, type Indicator } from "./rubric";

export const STATE_COLORS: Record<CycleState, "default" | "info" | "warning" | "success" | "primary"> = {
  DRAFT: "default",
  OPEN: "info",
  UNDER_REVIEW: "warning",
  FINAL: "primary",
  PUBLISHED: "success",
};

/** The rubric of a cycle: weights and targets editable while DRAFT, with their sum shown live. */
export const RubricEditor = ({
  cycle,
  editable,
  onSaved,
}: {
  cycle: Cycle;
  editable: boolean;
  onSaved: (cycle: Cycle) => void;
}) => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const notify = useNotify();
  const [rows, setRows] = useState<EditableIndicator[]>(cycle.indicators);
  useEffect(() => setRows(cycle.indicators), [cycle]);
  const invalid = rubricProblem(rows as Partial<Indicator>[]);
  const changes = rubricChanges(cycle.indicators, rows as Partial<Indicator>[]);

  const set = (code: string, key: "weight" | "target", value: string) =>
    setRows((current) => current.map((row) => (row.code === code ? { ...row, [key]: value } : row)));

  const save = useMutation({
    mutationFn: () =>
      dataProvider.graphql<{ updateEvaluationRubric: Cycle }>(UPDATE_RUBRIC, { year: cycle.year, indicators: changes }),
    onSuccess: (data) => {
      notify(translate("hamafza.evaluation.rubricSaved"), { type: "success" });
      onSaved(data.updateEvaluationRubric);
    },
  });
  const problem = save.error?.message;

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
          disabled={Boolean(invalid) || changes.length === 0 || save.isPending}
          onClick={() => save.mutate()}
        >
          {translate("hamafza.evaluation.saveRubric")}
        </Button>
      )}
      {!editable && (
        <Typography variant="caption" color="text.secondary">
          {translate("hamafza.evaluation.rubricDraftOnly")}
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

export const RunsTable = ({ runs }: { runs: Run[] }) => {
  const translate = useTranslate();
  return runs.length === 0 ? (
    <Typography variant="body2">{translate("hamafza.evaluation.noRuns")}</Typography>
  ) : (
    <Box sx={{ overflowX: "auto" }}>
      <Table size="small" data-testid="evaluation-runs">
        <TableHead>
          <TableRow>
            <TableCell>{translate("hamafza.common.status")}</TableCell>
            <TableCell>{translate("hamafza.common.start")}</TableCell>
            <TableCell>{translate("hamafza.common.end")}</TableCell>
            <TableCell>{translate("hamafza.evaluation.duration")}</TableCell>
            <TableCell>{translate("hamafza.evaluation.managersScored")}</TableCell>
            <TableCell>{translate("hamafza.evaluation.withoutTenure")}</TableCell>
            <TableCell>{translate("hamafza.evaluation.computedBy")}</TableCell>
            <TableCell>{translate("hamafza.evaluation.resultsHash")}</TableCell>
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
              <TableCell>{personName(run.computedByPerson, run.computedBy)}</TableCell>
              <TableCell dir="ltr" sx={{ fontFamily: "monospace" }}>
                {run.resultsHash ? run.resultsHash.slice(0, 12) : "—"}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** The determinate progress of a RUNNING run, with its phase in Persian. */
export const RunProgress = ({ run }: { run: Run }) => {
  const translate = useTranslate();
  const value = clampProgress(run.progress);
  return (
    <Box sx={{ mt: 2 }} data-testid="evaluation-progress" data-phase={run.phase} data-progress={value}>
      <Stack direction="row" justifyContent="space-between" sx={{ mb: 0.5 }}>
        <Typography variant="body2" data-testid="evaluation-phase">
          {phaseLabel(run.phase)}
        </Typography>
        <Typography variant="body2">{toPersianDigits(value)}٪</Typography>
      </Stack>
      <LinearProgress variant="determinate" value={value} aria-label={translate("hamafza.evaluation.runProgress")} />
    </Box>
  );
};
