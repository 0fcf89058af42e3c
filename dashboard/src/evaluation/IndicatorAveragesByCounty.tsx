import { useTranslate } from "react-admin";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import LinearProgress from "@mui/material/LinearProgress";
import MenuItem from "@mui/material/MenuItem";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatPersianDecimal, toPersianDigits } from "../common/persianDigits";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import type { Indicator } from "./rubric";
import { COUNTY_SUMMARIES, PROVINCE_SUMMARIES } from "./evaluationOperations";

interface Summary {
  managersScored: number;
  averageTotal?: number | null;
  indicatorAverages: { code: string; averageScore: number }[];
}

const Bar = ({ value }: { value: number }) => (
  <Tooltip title={formatPersianDecimal(value, 1)}>
    <Box sx={{ width: 70, height: 14, bgcolor: "action.hover", borderRadius: 1 }}>
      <Box
        sx={{
          width: `${Math.max(0, Math.min(100, value))}%`,
          height: "100%",
          bgcolor: "primary.main",
          borderRadius: 1,
        }}
      />
    </Box>
  </Tooltip>
);

/** Average indicator scores of each county of a province (from `County.evaluationSummary`), as small bars. */
export const IndicatorAveragesByCounty = ({ year, indicators }: { year: number; indicators: Indicator[] }) => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const provinces = useQuery(
    graphqlQuery<{
      provinces: { items: { id: string; name: string; evaluationSummary: { managersScored: number } | null }[] };
    }>(dataProvider, PROVINCE_SUMMARIES, { year }),
  );
  const withResults = (provinces.data?.provinces.items ?? []).filter((item) => item.evaluationSummary?.managersScored);
  const [chosen, setChosen] = useState<string>();
  const provinceId = chosen ?? withResults[0]?.id;
  const counties = useQuery({
    ...graphqlQuery<{
      counties: { items: { id: string; name: string; evaluationSummary: Summary | null }[] };
    }>(dataProvider, COUNTY_SUMMARIES, { year, provinceId }),
    enabled: Boolean(provinceId),
  });
  if (provinces.error) return <Alert severity="error">{provinces.error.message}</Alert>;
  if (provinces.isPending) return <LinearProgress />;
  if (withResults.length === 0)
    return <Typography variant="body2">{translate("hamafza.evaluation.noResultsThisYear")}</Typography>;
  const rows = (counties.data?.counties.items ?? []).filter((item) => item.evaluationSummary?.managersScored);
  return (
    <Box>
      <TextField
        select
        size="small"
        label={translate("hamafza.common.province")}
        value={provinceId ?? ""}
        onChange={(event) => setChosen(event.target.value)}
        sx={{ minWidth: 200, mb: 1 }}
      >
        {withResults.map((item) => (
          <MenuItem key={item.id} value={item.id}>
            {item.name}
          </MenuItem>
        ))}
      </TextField>
      {counties.isLoading && <LinearProgress />}
      {counties.error && <Alert severity="error">{counties.error.message}</Alert>}
      <Box sx={{ overflowX: "auto" }}>
        <Table size="small" data-testid="indicator-averages">
          <TableHead>
            <TableRow>
              <TableCell>{translate("hamafza.common.county")}</TableCell>
              <TableCell>{translate("hamafza.evaluation.managers")}</TableCell>
              <TableCell>{translate("hamafza.evaluation.averageTotal")}</TableCell>
              {indicators.map((indicator) => (
                <TableCell key={indicator.code}>{indicator.title}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((county) => {
              const summary = county.evaluationSummary!;
              const byCode = new Map(summary.indicatorAverages.map((row) => [row.code, row.averageScore]));
              return (
                <TableRow key={county.id}>
                  <TableCell>{county.name}</TableCell>
                  <TableCell>{toPersianDigits(summary.managersScored)}</TableCell>
                  <TableCell>
                    {summary.averageTotal == null ? "—" : formatPersianDecimal(summary.averageTotal, 1)}
                  </TableCell>
                  {indicators.map((indicator) => (
                    <TableCell key={indicator.code}>
                      <Bar value={byCode.get(indicator.code) ?? 0} />
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
};
