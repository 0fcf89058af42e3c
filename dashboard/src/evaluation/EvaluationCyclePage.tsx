import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import LinearProgress from "@mui/material/LinearProgress";
import MenuItem from "@mui/material/MenuItem";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Title, useNotify, usePermissions, useTranslate } from "react-admin";
import { canRoleAccess } from "../auth/access";
import type { Role } from "../auth/roles";
import { toPersianDigits } from "../common/persianDigits";
import { graphqlQuery, useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import { currentJalaliYear } from "../engagement/periods";
import { CREATE_CYCLE, CYCLES, type CyclePage } from "./evaluationOperations";
import { EVALUATION_PATH } from "./paths";
import { CycleView } from "./CycleView";
export { RunStatusChip, RunProgress } from "./CycleRunParts";

export { EVALUATION_PATH };

/** Evaluation cycles: the rubric editor, computation runs and the cycle's states (by role). */
export const EvaluationCyclePage = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Role | undefined>();
  const canEvaluate = canRoleAccess(permissions, { action: "edit", resource: "evaluationCycles" });
  const dataProvider = useHamafzaDataProvider();
  const invalidate = useInvalidateOperations();
  const notify = useNotify();
  const cycles = useQuery(graphqlQuery<{ evaluationCycles: CyclePage }>(dataProvider, CYCLES));
  const [year, setYear] = useState<number>();
  const list = useMemo(() => cycles.data?.evaluationCycles.items ?? [], [cycles.data]);
  const cycle = list.find((candidate) => candidate.year === year) ?? list[0];
  const nextYear = Math.max(currentJalaliYear(), ...list.map((item) => item.year + 1));
  const create = useMutation({
    mutationFn: (newYear: number) => dataProvider.graphql(CREATE_CYCLE, { year: newYear }),
    onSuccess: (_data, newYear) => {
      setYear(newYear);
      return invalidate(CYCLES);
    },
    onError: (error) => notify(error.message, { type: "error" }),
  });
  const onChanged = () => invalidate(CYCLES);

  return (
    <Box sx={{ mt: 1 }}>
      <Title title="hamafza.evaluation.cyclesTitle" />
      <Stack direction="row" alignItems="center" gap={2} sx={{ mb: 2 }}>
        <TextField
          select
          size="small"
          label={translate("hamafza.evaluation.year")}
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
          <Button onClick={() => create.mutate(nextYear)} disabled={create.isPending}>
            {translate("hamafza.evaluation.createCycle", { year: nextYear })}
          </Button>
        )}
      </Stack>
      {cycles.isPending && <LinearProgress />}
      {cycles.error && <Alert severity="error">{cycles.error.message}</Alert>}
      {cycles.data && !cycle && <Alert severity="info">{translate("hamafza.evaluation.noCycle")}</Alert>}
      {cycle && <CycleView key={cycle.year} cycle={cycle} canEvaluate={canEvaluate} onChanged={onChanged} />}
    </Box>
  );
};
