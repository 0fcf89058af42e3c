import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Card from "@mui/material/Card";
import CardActionArea from "@mui/material/CardActionArea";
import CardContent from "@mui/material/CardContent";
import LinearProgress from "@mui/material/LinearProgress";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { BarChart } from "@mui/x-charts/BarChart";
import type { ReactNode } from "react";
import { LinkBase, useRedirect, useTranslate } from "react-admin";
import { formatPersianNumber } from "../common/persianDigits";

/** A titled card of the home page. */
export const HomeSection = ({
  title,
  children,
  testId,
  wide = false,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}) => {
  const translate = useTranslate();
  return (
    <Card sx={{ flex: wide ? "1 1 100%" : "1 1 420px", minWidth: 0 }} data-testid={testId}>
      <CardContent sx={{ display: "flex", flexDirection: "column", gap: 1.5 }}>
        <Typography variant="h6" component="h2">
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

/** A number that opens the list it counts. */
export const NumberTile = ({
  label,
  value,
  to,
  hint,
  testId,
}: {
  label: string;
  /** A count (in Persian digits) or a short text (a state). */
  value: number | string | undefined;
  to: string;
  hint?: string;
  testId?: string;
}) => {
  const translate = useTranslate();
  return (
    <Card sx={{ flex: "1 1 170px" }} data-testid={testId}>
      <CardActionArea component={LinkBase} to={to}>
        <CardContent>
          <Typography variant="body2" color="text.secondary">
            {translate(label)}
          </Typography>
          <Typography
            variant={typeof value === "string" ? "h5" : "h4"}
            component="p"
            sx={{ fontWeight: 700 }}
            data-testid={testId && `${testId}-value`}
          >
            {value === undefined ? "—" : typeof value === "number" ? formatPersianNumber(value) : value}
          </Typography>
          {hint && (
            <Typography variant="caption" color="text.secondary">
              {hint}
            </Typography>
          )}
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

/** A row of number tiles. */
export const TileRow = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2, flex: "1 1 100%" }}>{children}</Box>
);

/** Loading bar and the server's (Persian) message for a home query. */
export const QueryState = ({ isPending, error }: { isPending: boolean; error: Error | null }) => (
  <Box sx={{ flex: "1 1 100%" }}>
    {isPending && <LinearProgress />}
    {error && <Alert severity="error">{error.message}</Alert>}
  </Box>
);

export interface ChartRow {
  key: string;
  label: string;
  value: number;
  /** The filtered list behind the bar (none: not a link). */
  to?: string;
}

/**
 * Horizontal bars (long Persian labels read best that way) with the same figures as a table of links below; a bar
 * and a row both open the filtered list behind them.
 */
export const LinkedBarChart = ({
  rows,
  valueLabel,
  testId,
  format = formatPersianNumber,
  withTable = true,
}: {
  rows: ChartRow[];
  valueLabel: string;
  testId?: string;
  format?: (value: number) => string;
  /** The figures as a table of links below the bars (off where a table is on screen already). */
  withTable?: boolean;
}) => {
  const translate = useTranslate();
  const redirect = useRedirect();
  if (rows.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate("hamafza.home.nothing")}
      </Typography>
    );
  return (
    <Box data-testid={testId}>
      <BarChart
        height={Math.max(140, rows.length * 30 + 50)}
        layout="horizontal"
        dataset={rows.map((row) => ({ label: row.label, value: row.value }))}
        yAxis={[{ scaleType: "band", dataKey: "label", width: 140 }]}
        xAxis={[{ valueFormatter: (value: number) => format(value) }]}
        series={[{ dataKey: "value", label: translate(valueLabel), valueFormatter: (value) => format(value ?? 0) }]}
        hideLegend
        onItemClick={(_event, item) => {
          const row = rows[item.dataIndex];
          if (row?.to) redirect(row.to);
        }}
      />
      {withTable && (
        <Table size="small">
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.key} hover>
                <TableCell>{row.to ? <LinkBase to={row.to}>{row.label}</LinkBase> : row.label}</TableCell>
                <TableCell align="left" data-testid={testId && `${testId}-${row.key}`}>
                  {row.to ? <LinkBase to={row.to}>{format(row.value)}</LinkBase> : format(row.value)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
