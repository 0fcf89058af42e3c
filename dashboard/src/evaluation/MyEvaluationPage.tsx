import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import LinearProgress from "@mui/material/LinearProgress";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { Title, usePermissions, useTranslate } from "react-admin";
import { formatPersianDecimal } from "../common/persianDigits";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { IndicatorCards, type ScoredIndicator } from "./IndicatorCards";
import { MY_CYCLES, MY_EVALUATION } from "./objectionOperations";
import { ObjectionHistory } from "./ObjectionHistory";
import { reviewedYear } from "./objections";
import { GRADE_COLORS, GRADE_LABELS, type CycleState, type Grade } from "./rubric";

interface MyResult {
  id: string;
  year: number;
  managerName: string;
  position: string;
  total: number;
  grade: Grade;
  adjustedTotal: number;
  adjustedGrade: Grade;
  indicators: ScoredIndicator[];
}

const n = (value: number) => formatPersianDecimal(value, 2, true);

/**
 * An invited manager's own evaluation (issue 15; phone-first, one column): the year under review (or the latest
 * published one), total and grade, each indicator with its evidence, objections and their answers.
 */
export const MyEvaluationPage = () => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  // Only an invited manager has "their" result (staff see a territory's results on the scoreboard).
  const { permissions } = usePermissions<string | undefined>();
  const isManager = permissions === "MANAGER";
  const cycles = useQuery({
    ...graphqlQuery<{ evaluationCycles: { items: { id: string; year: number; state: CycleState }[] } }>(
      dataProvider,
      MY_CYCLES,
    ),
    enabled: isManager,
  });
  const cycle = reviewedYear(cycles.data?.evaluationCycles.items ?? []);
  const results = useQuery({
    ...graphqlQuery<{ evaluationResults: { items: MyResult[] } }>(dataProvider, MY_EVALUATION, {
      year: cycle?.year ?? 0,
    }),
    enabled: Boolean(cycle),
  });
  if (!isManager) return <Alert severity="warning">{translate("hamafza.evaluation.myEvaluationManagersOnly")}</Alert>;
  if (cycles.isPending || (cycle && results.isPending)) return <LinearProgress sx={{ mt: 2 }} />;
  const error = cycles.error ?? results.error;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  const result = results.data?.evaluationResults.items[0];
  if (!cycle || !result)
    return (
      <Alert severity="info" sx={{ mt: 2 }}>
        {translate("hamafza.evaluation.myEvaluationNothing")}
      </Alert>
    );
  const underReview = cycle.state === "UNDER_REVIEW";
  const titles = Object.fromEntries(result.indicators.map((i) => [i.code, i.title]));
  return (
    <Stack spacing={2} sx={{ mt: 1, maxWidth: 900 }}>
      <Title title={translate("hamafza.evaluation.myEvaluationTitle", { year: result.year })} />
      {underReview && <Alert severity="info">{translate("hamafza.evaluation.myEvaluationUnderReview")}</Alert>}
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2">
            {result.managerName}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {result.position}
          </Typography>
          <Stack direction="row" flexWrap="wrap" gap={3} sx={{ mt: 1 }} data-testid="my-total">
            <Box>
              <Typography variant="caption">{translate("hamafza.common.calculatedScore")}</Typography>
              <Typography variant="h4">{n(result.total)}</Typography>
              <Chip size="small" color={GRADE_COLORS[result.grade]} label={GRADE_LABELS[result.grade]} />
            </Box>
            {result.adjustedTotal !== result.total && (
              <Box>
                <Typography variant="caption">{translate("hamafza.evaluation.withAdjustment")}</Typography>
                <Typography variant="h4">{n(result.adjustedTotal)}</Typography>
                <Chip
                  size="small"
                  color={GRADE_COLORS[result.adjustedGrade]}
                  label={GRADE_LABELS[result.adjustedGrade]}
                />
              </Box>
            )}
          </Stack>
        </CardContent>
      </Card>
      <IndicatorCards resultId={result.id} indicators={result.indicators} canObject={underReview} />
      <Typography variant="h6" component="h2">
        {translate("hamafza.evaluation.objectionsTitle")}
      </Typography>
      <ObjectionHistory year={result.year} titles={titles} canResolve={false} />
    </Stack>
  );
};
