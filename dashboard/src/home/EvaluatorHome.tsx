import Alert from "@mui/material/Alert";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import { useQuery } from "@tanstack/react-query";
import { LinkBase, useTranslate } from "react-admin";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { formatJalali } from "../common/jalali";
import { formatPersianNumber, toPersianDigits } from "../common/persianDigits";
import { EVALUATION_PATH } from "../evaluation/EvaluationCyclePage";
import { CYCLE_STATE_LABELS, GRADE_LABELS, type Grade } from "../evaluation/rubric";
import type { CycleState } from "../evaluation/rubric";
import { HomeSection, LinkedBarChart, NumberTile, QueryState, TileRow } from "./HomeParts";
import { EVALUATOR_HOME } from "./homeOperations";
import { listLink, showLink } from "./listLinks";
import type { JalaliQuarter } from "./period";

interface EvaluatorHomeData {
  evaluationCycles: { items: { id: string; year: number; state: CycleState; publishedAt: string | null }[] };
  evaluationRuns: { id: string; status: string; computedAt: string; managersScored: number }[];
  evaluationGradeDistribution: { grade: Grade; count: number }[];
  ranking: {
    totalCount: number;
    items: {
      id: string;
      managerName: string;
      position: string;
      total: number;
      grade: Grade;
      nationalRank: number;
      adjustment: { id: string } | null;
    }[];
  };
}

const GRADES: Grade[] = ["EXCELLENT", "GOOD", "ACCEPTABLE", "NEEDS_IMPROVEMENT"];

/** The evaluator's year: the cycle's state, the last run, the grades, the ranking and the adjustments to review. */
export const EvaluatorHome = ({ period }: { period: JalaliQuarter }) => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const { data, isPending, error } = useQuery(
    graphqlQuery<EvaluatorHomeData>(dataProvider, EVALUATOR_HOME, { year: period.year }),
  );
  const cycle = data?.evaluationCycles.items.find((item) => item.year === period.year);
  const lastRun = data?.evaluationRuns.reduce<EvaluatorHomeData["evaluationRuns"][number] | undefined>(
    (latest, run) => (!latest || run.computedAt > latest.computedAt ? run : latest),
    undefined,
  );
  const adjusted = data?.ranking.items.filter((result) => result.adjustment).length;
  const results = listLink("evaluationResults", { year: period.year }, "total DESC");
  return (
    <>
      <QueryState isPending={isPending} error={error} />
      {data && !cycle && (
        <Alert severity="info">{translate("hamafza.home.noCycle", { year: toPersianDigits(period.year) })}</Alert>
      )}
      {data && (
        <>
          <TileRow>
            <NumberTile
              label="hamafza.home.cycleState"
              value={cycle ? CYCLE_STATE_LABELS[cycle.state] : undefined}
              to={EVALUATION_PATH}
              hint={cycle?.publishedAt ? formatJalali(cycle.publishedAt) : undefined}
              testId="home-cycle-state"
            />
            <NumberTile
              label="hamafza.home.lastRun"
              value={lastRun?.managersScored}
              to={EVALUATION_PATH}
              hint={lastRun ? formatJalali(lastRun.computedAt, { showTime: true }) : translate("hamafza.home.noRun")}
              testId="home-last-run"
            />
            <NumberTile
              label="hamafza.home.results"
              value={data.ranking.totalCount}
              to={results}
              testId="home-results"
            />
            {data.ranking.totalCount <= data.ranking.items.length && (
              <NumberTile
                label="hamafza.home.adjustments"
                value={adjusted}
                to={results}
                hint={cycle?.state === "PUBLISHED" ? undefined : translate("hamafza.home.adjustmentsHint")}
                testId="home-adjustments"
              />
            )}
          </TileRow>
          <HomeSection title="hamafza.evaluation.gradeDistribution" testId="home-grades">
            <LinkedBarChart
              rows={GRADES.map((grade) => ({
                key: grade,
                label: GRADE_LABELS[grade],
                value: data.evaluationGradeDistribution.find((row) => row.grade === grade)?.count ?? 0,
                to: listLink("evaluationResults", { year: period.year, grade }, "total DESC"),
              }))}
              valueLabel="hamafza.home.managers"
              testId="chart-grades"
            />
          </HomeSection>
          <HomeSection title="hamafza.home.ranking" testId="home-ranking">
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate("hamafza.home.rank")}</TableCell>
                  <TableCell>{translate("hamafza.home.manager")}</TableCell>
                  <TableCell>{translate("hamafza.home.total")}</TableCell>
                  <TableCell>{translate("hamafza.home.grade")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.ranking.items.slice(0, 10).map((result) => (
                  <TableRow key={result.id} hover>
                    <TableCell>{formatPersianNumber(result.nationalRank)}</TableCell>
                    <TableCell>
                      <LinkBase to={showLink("evaluationResults", result.id)}>
                        {result.managerName} — {result.position}
                      </LinkBase>
                    </TableCell>
                    <TableCell>{formatPersianNumber(result.total)}</TableCell>
                    <TableCell>{GRADE_LABELS[result.grade]}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <LinkBase to={results}>{translate("hamafza.home.allResults")}</LinkBase>
          </HomeSection>
        </>
      )}
    </>
  );
};
