import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import LinearProgress from "@mui/material/LinearProgress";
import MenuItem from "@mui/material/MenuItem";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { reactRouterProvider, Title, useLocation, useNavigate, useTranslate } from "react-admin";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { formatPersianNumber } from "../common/persianDigits";
import { LinkedBarChart } from "../home/HomeParts";
import { currentJalaliYear } from "../engagement/periods";
import { MEETING_KIND_LABELS } from "../meetings/meetingEnums";
import { analyticsPath } from "./analyticsPaths";
import { ExportButtons } from "./ExportButtons";
import { ReportFilters } from "./ReportFilters";
import { chartRows, formatCell, reportRows } from "./reportRows";
import type { ReportFilters as Filters } from "./reportTypes";
import { REPORTS, reportByKey } from "./reports";

const { useParams } = reactRouterProvider;

/** The address's `year` when every year is asked for (reports whose year is optional). */
const ALL_YEARS = "all";

/** The filters in the address (so a home page's number can open a report already filtered). */
function filtersOf(search: string): Filters {
  const params = new URLSearchParams(search);
  const text = (key: string) => params.get(key) || undefined;
  const number = (key: string) => (params.get(key) ? Number(params.get(key)) : undefined);
  return {
    provinceId: text("provinceId"),
    countyId: text("countyId"),
    year: params.get("year") === ALL_YEARS ? 0 : (number("year") ?? currentJalaliYear()),
    quarter: number("quarter"),
    kind: text("kind"),
    q: text("q"),
    groupBy: text("groupBy"),
  };
}

/** One analysts' query on screen: filters by territory and Jalali period, a chart, the table and the export. */
export const AnalyticsPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const location = useLocation();
  const { report: key } = useParams();
  const report = reportByKey(key) ?? REPORTS[0];
  const filters = filtersOf(location.search);
  if (report.filters.includes("year") && !filters.year) filters.year = currentJalaliYear();
  const setFilters = (next: Filters) =>
    navigate(analyticsPath(report.key, { ...next, year: next.year || ALL_YEARS }), { replace: true });
  const dataProvider = useHamafzaDataProvider();
  const { data, error, isFetching } = useQuery({
    ...graphqlQuery<Record<string, unknown>>(dataProvider, report.query, report.args(filters)),
    placeholderData: keepPreviousData,
  });
  const rows = reportRows(report, data);
  const total = report.paged ? (data?.[report.list] as { totalCount?: number } | undefined)?.totalCount : rows.length;
  return (
    <Box sx={{ mt: 2, display: "flex", flexDirection: "column", gap: 2 }} data-testid={`report-${report.key}`}>
      <Title title={translate(report.title)} />
      <Card>
        <CardContent sx={{ display: "flex", flexDirection: "column", gap: 2 }}>
          <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2, alignItems: "center" }}>
            <Typography variant="h5" component="h1" sx={{ flex: "1 1 300px" }}>
              {translate(report.title)}
            </Typography>
            <TextField
              select
              size="small"
              fullWidth={false}
              label={translate("hamafza.analytics.report")}
              value={report.key}
              onChange={(event) => navigate(analyticsPath(event.target.value))}
              sx={{ minWidth: 280 }}
            >
              {REPORTS.map((candidate) => (
                <MenuItem key={candidate.key} value={candidate.key}>
                  {translate(candidate.title)}
                </MenuItem>
              ))}
            </TextField>
          </Box>
          <Typography variant="body2" color="text.secondary">
            {translate(report.description)}
          </Typography>
          <ReportFilters key={report.key} report={report} value={filters} onChange={setFilters} />
          <ExportButtons report={report} filters={filters} />
        </CardContent>
        {isFetching && <LinearProgress />}
      </Card>
      {error && <Alert severity="error">{error.message}</Alert>}
      {!error && data && rows.length === 0 && <Alert severity="info">{translate("hamafza.analytics.empty")}</Alert>}
      {rows.length > 0 && (
        <>
          <Card>
            <CardContent>
              <LinkedBarChart
                rows={chartRows(report, rows, filters, translate)}
                valueLabel={report.chart.valueLabel}
                withTable={false}
                testId="report-chart"
              />
            </CardContent>
          </Card>
          <Card sx={{ overflowX: "auto" }}>
            <Typography variant="body2" sx={{ p: 2, pb: 0 }} data-testid="report-total">
              {translate("hamafza.analytics.rows", { count: formatPersianNumber(total ?? rows.length) })}
            </Typography>
            <Table size="small" aria-label={translate(report.title)} data-testid="report-table">
              <TableHead>
                <TableRow>
                  {report.columns.map((column) => (
                    <TableCell key={column.field}>{translate(column.header)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row, index) => (
                  <TableRow key={report.rowKey(row, index)} hover>
                    {report.columns.map((column) => (
                      <TableCell key={column.field}>
                        {formatCell(column.value(row, translate), column.kind, MEETING_KIND_LABELS)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Card>
        </>
      )}
    </Box>
  );
};
