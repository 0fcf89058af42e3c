import Box from "@mui/material/Box";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import { LinkBase, useGetList, useTranslate } from "react-admin";
import { formatPersianNumber } from "../common/persianDigits";
import { listLink } from "./listLinks";
import { currentJalaliQuarter } from "./period";

export interface QuarterCount {
  countyId: string | null;
  quarter: number;
  heldWithNgos: number;
}

/**
 * Problem-centred meetings held with NGOs per county and quarter of a year, against the one expected each quarter:
 * green where held, red where a past or current quarter has none. Each cell opens that county's meetings of the quarter.
 */
export const MeetingHeatTable = ({
  year,
  provinceId,
  rows,
}: {
  year: number;
  provinceId: string | undefined;
  rows: readonly QuarterCount[];
}) => {
  const translate = useTranslate();
  const { data: counties = [] } = useGetList("counties", {
    pagination: { page: 1, perPage: 100 },
    sort: { field: "name", order: "ASC" },
    filter: { provinceId },
  });
  const now = currentJalaliQuarter();
  const due = (quarter: number) => year < now.year || (year === now.year && quarter <= now.quarter);
  const count = (countyId: string, quarter: number) =>
    rows.find((row) => row.countyId === countyId && row.quarter === quarter)?.heldWithNgos ?? 0;
  return (
    <Box sx={{ overflowX: "auto" }}>
      <Table size="small" data-testid="meeting-heat-table" aria-label={translate("hamafza.home.heatTable")}>
        <TableHead>
          <TableRow>
            <TableCell>{translate("resources.ngos.fields.countyId")}</TableCell>
            {[1, 2, 3, 4].map((quarter) => (
              <TableCell key={quarter} align="center">
                {translate(`hamafza.home.quarters.${quarter}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {counties.map((county) => (
            <TableRow key={county.id}>
              <TableCell>{county.name}</TableCell>
              {[1, 2, 3, 4].map((quarter) => {
                const held = count(String(county.id), quarter);
                const colour = held > 0 ? "success.light" : due(quarter) ? "error.light" : undefined;
                return (
                  <TableCell
                    key={quarter}
                    align="center"
                    sx={{ bgcolor: colour, color: colour ? "common.black" : undefined }}
                    data-testid={`heat-${county.id}-${quarter}`}
                  >
                    <LinkBase
                      to={listLink(
                        "meetings",
                        {
                          countyId: county.id,
                          kind: "QUARTERLY_PROBLEM_CENTRED",
                          status: "HELD",
                          withNgos: true,
                          jalaliYear: year,
                          jalaliQuarter: quarter,
                        },
                        "scheduledAt DESC",
                      )}
                      style={{ color: "inherit" }}
                    >
                      {translate("hamafza.home.heldOfExpected", { held: formatPersianNumber(held) })}
                    </LinkBase>
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
