import { useQuery } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import LinearProgress from "@mui/material/LinearProgress";
import Typography from "@mui/material/Typography";
import {
  Button,
  FunctionField,
  List,
  ReferenceField,
  SearchInput,
  SelectInput,
  TextField,
  useListContext,
  type RaRecord,
  useTranslate,
} from "react-admin";
import { enumChip, enumComponents } from "../common/enumComponents";
import { formatPersianDecimal, toPersianDigits } from "../common/persianDigits";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { POSITION_KIND_LABELS } from "../managers/managerEnums";
import { CYCLES, DISTRIBUTION, type CyclePage } from "./evaluationOperations";
import { GradeChart } from "./GradeChart";
import { GRADE_COLORS, GRADE_LABELS } from "./rubric";
import { ListActions } from "../common/export/ListActions";
import { ResponsiveDatagrid } from "../common/ResponsiveDatagrid";

export const GradeChip = enumChip(GRADE_LABELS, GRADE_COLORS);
const { Input: GradeInput } = enumComponents(GRADE_LABELS);
const { Field: PositionKindText, Input: PositionKindSelect } = enumComponents(POSITION_KIND_LABELS);

const score = (value: unknown) => (typeof value === "number" ? formatPersianDecimal(value) : "");

/** The grade distribution of what the scoreboard's filter selects. */
const Distribution = () => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  const filter = Object.fromEntries(
    Object.entries(filterValues).filter(
      ([key, value]) => ["year", "provinceId", "countyId", "positionKind", "grade"].includes(key) && value !== "",
    ),
  );
  const dataProvider = useHamafzaDataProvider();
  const { data, error } = useQuery({
    ...graphqlQuery<{ evaluationGradeDistribution: { grade: string; count: number }[] }>(dataProvider, DISTRIBUTION, {
      filter,
    }),
    enabled: Boolean(filter.year),
  });
  return (
    <Card variant="outlined" sx={{ m: 1, minWidth: 320 }}>
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate("hamafza.evaluation.gradeDistribution")}
        </Typography>
        {error && <Alert severity="error">{error.message}</Alert>}
        {data && <GradeChart counts={data.evaluationGradeDistribution} />}
      </CardContent>
    </Card>
  );
};

/**
 * The scoreboard with no rows: with only the year chosen, the year's scores are not published (or not visible to the
 * user yet) — say so rather than «no results, clear the filters»; with other filters, none of the scores match them.
 */
const ScoreboardEmpty = ({ published }: { published: ReadonlySet<number> }) => {
  const translate = useTranslate();
  const { filterValues, setFilters } = useListContext();
  const year = Number(filterValues.year);
  const narrowed = Object.entries(filterValues).some(([key, value]) => key !== "year" && value !== "" && value != null);
  if (!narrowed && !published.has(year))
    return (
      <Alert severity="info" sx={{ m: 2 }} data-testid="scoreboard-not-published">
        {translate("hamafza.evaluation.scoreboardNotPublished", { year: toPersianDigits(year) })}
      </Alert>
    );
  return (
    <Alert
      severity="info"
      sx={{ m: 2 }}
      action={<Button label="ra.navigation.clear_filters" onClick={() => setFilters({ year }, [])} />}
    >
      {translate(narrowed ? "hamafza.evaluation.scoreboardNoMatch" : "hamafza.evaluation.noResultsThisYear", {
        year: toPersianDigits(year),
      })}
    </Alert>
  );
};

const ScoreboardList = ({ years, published }: { years: number[]; published: ReadonlySet<number> }) => {
  const translate = useTranslate();
  return (
    <List
      resource="evaluationResults"
      title="hamafza.evaluation.scoreboardTitle"
      filters={[
        <SearchInput key="q" source="q" placeholder={translate("hamafza.evaluation.managerName")} alwaysOn />,
        <SelectInput
          key="year"
          source="year"
          choices={years.map((year) => ({ id: year, name: toPersianDigits(year) }))}
          translateChoice={false}
          alwaysOn
        />,
        <ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" alwaysOn />,
        <ReferenceFilterInput key="countyId" source="countyId" reference="counties" alwaysOn />,
        <PositionKindSelect key="positionKind" source="positionKind" alwaysOn />,
        <GradeInput key="grade" source="grade" alwaysOn />,
      ]}
      filterDefaultValues={{ year: years[0] }}
      sort={{ field: "total", order: "DESC" }}
      aside={<Distribution />}
      actions={<ListActions create={false} labels={{ positionKind: POSITION_KIND_LABELS }} />}
      empty={false}
    >
      <ResponsiveDatagrid
        rowClick="show"
        bulkActionButtons={false}
        empty={<ScoreboardEmpty published={published} />}
        primaryText={(record: RaRecord) => record.managerName}
        secondaryText={(record: RaRecord) => record.position}
        tertiaryText={(record: RaRecord) => score(record.total)}
      >
        <FunctionField source="nationalRank" render={(record: RaRecord) => toPersianDigits(record.nationalRank)} />
        <FunctionField source="provinceRank" render={(record: RaRecord) => toPersianDigits(record.provinceRank)} />
        <TextField source="managerName" />
        <TextField source="position" sortable={false} />
        <PositionKindText source="positionKind" sortable={false} />
        <ReferenceField source="provinceId" reference="provinces" link={false} sortable={false} />
        <ReferenceField source="countyId" reference="counties" link={false} sortable={false} emptyText="—" />
        <FunctionField source="total" render={(record: RaRecord) => score(record.total)} />
        <FunctionField
          source="adjustedTotal"
          sortable={false}
          render={(record: RaRecord) => (record.adjustedTotal !== record.total ? score(record.adjustedTotal) : "—")}
        />
        <GradeChip source="grade" />
      </ResponsiveDatagrid>
    </List>
  );
};

/** The scoreboard: results of a year with ranks (national among the same position type, and within the province). */
export const EvaluationResultList = () => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const { data, error, isPending } = useQuery(graphqlQuery<{ evaluationCycles: CyclePage }>(dataProvider, CYCLES));
  if (isPending) return <LinearProgress sx={{ mt: 2 }} />;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  const years = (data?.evaluationCycles.items ?? []).map((cycle) => cycle.year).sort((a, b) => b - a);
  if (years.length === 0) return <Alert severity="info">{translate("hamafza.evaluation.noCycle")}</Alert>;
  const published = new Set(
    (data?.evaluationCycles.items ?? []).filter((cycle) => cycle.state === "PUBLISHED").map((cycle) => cycle.year),
  );
  return <ScoreboardList years={years} published={published} />;
};
