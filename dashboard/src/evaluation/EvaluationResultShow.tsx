import ExpandMoreIcon from "@mui/icons-material/ExpandMore";
import TuneIcon from "@mui/icons-material/Tune";
import Accordion from "@mui/material/Accordion";
import AccordionDetails from "@mui/material/AccordionDetails";
import AccordionSummary from "@mui/material/AccordionSummary";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import LinearProgress from "@mui/material/LinearProgress";
import Link from "@mui/material/Link";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { NumberInput, reactRouterProvider, TextInput, Title, usePermissions, useTranslate } from "react-admin";
import { personName, type PersonName } from "../common/personName";
import { canRoleAccess } from "../auth/access";
import type { Role } from "../auth/roles";
import { ActionDialogButton } from "../common/ActionDialog";
import { ReportButton } from "../common/ReportButton";
import { formatJalali } from "../common/jalali";
import { formatPersianDecimal, toPersianDigits } from "../common/persianDigits";
import { graphqlQuery, useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import { ADJUST, RESULT } from "./evaluationOperations";
import { EvidenceList } from "./EvidenceList";
import { ObjectionHistory } from "./ObjectionHistory";
import { adjustmentProblem, GRADE_COLORS, GRADE_LABELS, splitEvidence, type Evidence, type Grade } from "./rubric";

interface IndicatorResult {
  code: string;
  title: string;
  unit: string;
  raw: number;
  numerator: number;
  denominator?: number | null;
  target: number;
  proratedTarget: number;
  achievement: number;
  score: number;
  weight: number;
  appliedWeight: number;
  applicable: boolean;
  notApplicableReason?: string | null;
  contribution: number;
  evidence: Evidence[];
}

interface Adjustment {
  id: string;
  points: number;
  justification: string;
  adjustedBy: string;
  adjustedByPerson?: PersonName | null;
  adjustedAt: string;
}

interface ResultDetail {
  id: string;
  year: number;
  managerId: string;
  managerName: string;
  position: string;
  tenureQuarters: number[];
  total: number;
  grade: Grade;
  adjustedTotal: number;
  adjustedGrade: Grade;
  provinceRank: number;
  nationalRank: number;
  publishedAt?: string | null;
  adjustments: Adjustment[];
  indicators: IndicatorResult[];
}

const n = (value: number | null | undefined, digits = 2) =>
  value == null ? "—" : formatPersianDecimal(value, digits, true);

const IndicatorBreakdown = ({ indicators }: { indicators: IndicatorResult[] }) => {
  const translate = useTranslate();
  return (
    <>
      <Table size="small" data-testid="indicator-breakdown">
        <TableHead>
          <TableRow>
            <TableCell>{translate("hamafza.common.indicator")}</TableCell>
            <TableCell>{translate("hamafza.evaluation.rawValue")}</TableCell>
            <TableCell>{translate("hamafza.evaluation.proratedTarget")}</TableCell>
            <TableCell>{translate("hamafza.evaluation.achievement")}</TableCell>
            <TableCell>{translate("hamafza.common.score")}</TableCell>
            <TableCell>{translate("hamafza.common.weight")}</TableCell>
            <TableCell>{translate("hamafza.evaluation.contribution")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {indicators.map((indicator) => (
            <TableRow key={indicator.code}>
              <TableCell>{indicator.title}</TableCell>
              <TableCell>
                {n(indicator.raw)} {indicator.unit}
                {indicator.denominator != null && (
                  <Typography variant="caption" display="block" color="text.secondary">
                    {n(indicator.numerator)} {translate("hamafza.evaluation.of")} {n(indicator.denominator)}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                {n(indicator.proratedTarget)}
                {indicator.proratedTarget !== indicator.target && (
                  <Typography variant="caption" display="block" color="text.secondary">
                    {translate("hamafza.evaluation.annualTarget")} {n(indicator.target)}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{n(indicator.achievement)}٪</TableCell>
              <TableCell>
                {indicator.applicable ? (
                  n(indicator.score)
                ) : (
                  <>
                    <Chip size="small" variant="outlined" label={translate("hamafza.evaluation.notApplicable")} />
                    <Typography variant="caption" display="block" color="text.secondary">
                      {indicator.notApplicableReason}
                    </Typography>
                  </>
                )}
              </TableCell>
              <TableCell>
                {n(indicator.weight)}
                {indicator.appliedWeight !== indicator.weight && (
                  <Typography variant="caption" display="block" color="text.secondary">
                    {translate("hamafza.evaluation.appliedWeight")} {n(indicator.appliedWeight)}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{n(indicator.contribution)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="h6" component="h3" sx={{ mt: 3, mb: 1 }}>
        {translate("hamafza.evaluation.evidence")}
      </Typography>
      {indicators.map((indicator) => {
        const { counted, excluded } = splitEvidence(indicator.evidence);
        return (
          <Accordion key={indicator.code} disableGutters>
            <AccordionSummary expandIcon={<ExpandMoreIcon />}>
              <Typography>
                {translate("hamafza.evaluation.evidenceSummary", {
                  indicator: indicator.title,
                  counted: counted.length,
                  excluded: excluded.length,
                })}
              </Typography>
            </AccordionSummary>
            <AccordionDetails>
              <Stack direction={{ xs: "column", md: "row" }} gap={2}>
                <EvidenceList items={counted} counted />
                <EvidenceList items={excluded} counted={false} />
              </Stack>
            </AccordionDetails>
          </Accordion>
        );
      })}
    </>
  );
};

const AdjustButton = ({ result }: { result: ResultDetail }) => {
  const dataProvider = useHamafzaDataProvider();
  const invalidate = useInvalidateOperations();
  return (
    <ActionDialogButton
      label="hamafza.evaluation.adjust"
      icon={<TuneIcon />}
      title="hamafza.evaluation.adjustTitle"
      intro="hamafza.evaluation.adjustIntro"
      onSubmit={async (values) => {
        const problems = adjustmentProblem(values.points, values.justification);
        if (problems) throw new Error(Object.values(problems).join(" "));
        return dataProvider.graphql(ADJUST, {
          resultId: result.id,
          points: Number(values.points),
          justification: String(values.justification).trim(),
        });
      }}
      onDone={() => invalidate(RESULT)}
    >
      <NumberInput source="points" label="hamafza.evaluation.adjustPoints" min={-10} max={10} step={0.5} />
      <TextInput source="justification" label="hamafza.common.justification" multiline minRows={3} fullWidth />
    </ActionDialogButton>
  );
};

const { useParams } = reactRouterProvider;

/** A manager's result: total, ranks, each indicator's breakdown and evidence, adjustments. */
export const EvaluationResultShow = () => {
  const translate = useTranslate();
  const { id } = useParams();
  const { permissions } = usePermissions<Role | undefined>();
  const canAdjust = canRoleAccess(permissions, { action: "edit", resource: "evaluationResults" });
  const canResolve = canRoleAccess(permissions, { action: "edit", resource: "evaluationObjections" });
  const dataProvider = useHamafzaDataProvider();
  const { data, error, isPending } = useQuery({
    ...graphqlQuery<{ evaluationResult: ResultDetail | null }>(dataProvider, RESULT, { id }),
    enabled: Boolean(id),
  });
  if (isPending) return <LinearProgress sx={{ mt: 2 }} />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  const result = data?.evaluationResult;
  if (!result) return <Alert severity="warning">{translate("hamafza.evaluation.resultNotFound")}</Alert>;
  const adjusted = result.adjustedTotal !== result.total;
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Title title={translate("hamafza.evaluation.resultTitle", { manager: result.managerName, year: result.year })} />
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" flexWrap="wrap" gap={3} alignItems="center">
            <Box>
              <Typography variant="h5" component="h2">
                <Link href={`#/managers/${result.managerId}/show`}>{result.managerName}</Link>
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {result.position} {translate("hamafza.evaluation.tenureQuarters")}{" "}
                {toPersianDigits(result.tenureQuarters.join("، "))}
              </Typography>
            </Box>
            <Box data-testid="result-total">
              <Typography variant="caption">{translate("hamafza.common.calculatedScore")}</Typography>
              <Typography variant="h4">{n(result.total)}</Typography>
              <Chip size="small" color={GRADE_COLORS[result.grade]} label={GRADE_LABELS[result.grade]} />
            </Box>
            {adjusted && (
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
            <Box>
              <Typography variant="body2">
                {translate("hamafza.evaluation.nationalRankPeers")} {toPersianDigits(result.nationalRank)}
              </Typography>
              <Typography variant="body2">
                {translate("hamafza.evaluation.provinceRankColon")} {toPersianDigits(result.provinceRank)}
              </Typography>
              <Typography variant="body2">
                {result.publishedAt
                  ? translate("hamafza.evaluation.publishedAt", { date: formatJalali(result.publishedAt) })
                  : translate("hamafza.evaluation.unpublishedEvaluatorsOnly")}
              </Typography>
            </Box>
            <Box sx={{ flex: 1 }} />
            <ReportButton
              path={`/reports/evaluation-results/${result.id}.pdf`}
              fileName={`scorecard-${result.id}.pdf`}
              label="hamafza.reports.printScorecard"
            />
            {canAdjust && <AdjustButton result={result} />}
          </Stack>
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate("hamafza.evaluation.indicatorDetails")}
          </Typography>
          <IndicatorBreakdown indicators={result.indicators} />
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate("hamafza.evaluation.objectionsTitle")}
          </Typography>
          <ObjectionHistory
            managerId={result.managerId}
            year={result.year}
            titles={Object.fromEntries(result.indicators.map((i) => [i.code, i.title]))}
            canResolve={canResolve}
          />
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate("hamafza.evaluation.adjustments")}
          </Typography>
          {result.adjustments.length === 0 ? (
            <Typography variant="body2">{translate("hamafza.evaluation.noAdjustments")}</Typography>
          ) : (
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate("hamafza.common.score")}</TableCell>
                  <TableCell>{translate("hamafza.common.justification")}</TableCell>
                  <TableCell>{translate("hamafza.common.recordedBy")}</TableCell>
                  <TableCell>{translate("hamafza.common.time")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {result.adjustments.map((adjustment) => (
                  <TableRow key={adjustment.id}>
                    <TableCell dir="ltr">
                      {toPersianDigits(adjustment.points > 0 ? `+${adjustment.points}` : adjustment.points)}
                    </TableCell>
                    <TableCell>{adjustment.justification}</TableCell>
                    <TableCell>{personName(adjustment.adjustedByPerson, adjustment.adjustedBy)}</TableCell>
                    <TableCell>{formatJalali(adjustment.adjustedAt, { showTime: true })}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </Stack>
  );
};
