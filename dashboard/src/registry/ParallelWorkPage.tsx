import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Chip from "@mui/material/Chip";
import LinearProgress from "@mui/material/LinearProgress";
import MenuItem from "@mui/material/MenuItem";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import { LinkBase, Title, useGetList, useTranslate } from "react-admin";
import { formatPersianNumber } from "../common/persianDigits";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { TerritoryFilter, type TerritoryFilterValue } from "./TerritoryFilter";
import { PARALLEL_WORK } from "./registryOperations";

interface ParallelWorkGroup {
  countyId: string;
  fieldId: string;
  ngoCount: number;
  county: { id: string; name: string } | null;
  field: { id: string; name: string } | null;
  ngos: { id: string; name: string }[];
}

/**
 * Parallel work (موازی‌کاری): counties covered by several active NGOs in one field of activity — for the NGO
 * House's geographic division of labour.
 */
export const ParallelWorkPage = () => {
  const translate = useTranslate();
  const [territory, setTerritory] = useState<TerritoryFilterValue>({});
  const [fieldId, setFieldId] = useState<string>();
  const [minNgos, setMinNgos] = useState(2);
  const { data: fields = [] } = useGetList("fieldsOfActivity", {
    pagination: { page: 1, perPage: 100 },
    sort: { field: "sortOrder", order: "ASC" },
  });
  const dataProvider = useHamafzaDataProvider();
  // The last answer stays on screen while the next filter's is fetched.
  const { data, error, isFetching } = useQuery({
    ...graphqlQuery<{ parallelWork: ParallelWorkGroup[] }>(dataProvider, PARALLEL_WORK, {
      ...territory,
      fieldId,
      minNgos,
      limit: 200,
    }),
    placeholderData: keepPreviousData,
  });
  const groups = data?.parallelWork ?? [];
  return (
    <Box sx={{ mt: 2, display: "flex", flexDirection: "column", gap: 2 }}>
      <Title title={translate("hamafza.parallelWork.title")} />
      <Card>
        <CardContent sx={{ display: "flex", flexDirection: "column", gap: 2 }}>
          <Typography variant="h5" component="h1">
            {translate("hamafza.parallelWork.title")}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate("hamafza.parallelWork.intro")}
          </Typography>
          <TerritoryFilter value={territory} onChange={setTerritory}>
            <TextField
              fullWidth={false}
              select
              size="small"
              label={translate("resources.ngos.fields.fieldId")}
              value={fieldId ?? ""}
              onChange={(event) => setFieldId(event.target.value || undefined)}
              sx={{ minWidth: 240 }}
            >
              <MenuItem value="">{translate("hamafza.analysis.all")}</MenuItem>
              {fields.map((field) => (
                <MenuItem key={field.id} value={field.id}>
                  {field.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              fullWidth={false}
              select
              size="small"
              label={translate("hamafza.parallelWork.minNgos")}
              value={minNgos}
              onChange={(event) => setMinNgos(Number(event.target.value))}
              sx={{ minWidth: 160 }}
            >
              {[2, 3, 4, 5].map((count) => (
                <MenuItem key={count} value={count}>
                  {formatPersianNumber(count)}
                </MenuItem>
              ))}
            </TextField>
          </TerritoryFilter>
        </CardContent>
        {isFetching && <LinearProgress />}
      </Card>
      {error && <Alert severity="error">{error.message}</Alert>}
      {!isFetching && !error && groups.length === 0 && (
        <Alert severity="info">{translate("hamafza.parallelWork.none")}</Alert>
      )}
      {groups.length > 0 && (
        <Card>
          <Table size="small" aria-label={translate("hamafza.parallelWork.title")} data-testid="parallel-work">
            <TableHead>
              <TableRow>
                <TableCell>{translate("resources.ngos.fields.countyId")}</TableCell>
                <TableCell>{translate("resources.ngos.fields.fieldId")}</TableCell>
                <TableCell>{translate("hamafza.parallelWork.ngoCount")}</TableCell>
                <TableCell>{translate("resources.ngos.name", { smart_count: 2 })}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {groups.map((group) => (
                <TableRow key={`${group.countyId}-${group.fieldId}`}>
                  <TableCell>{group.county?.name ?? group.countyId}</TableCell>
                  <TableCell>{group.field?.name ?? group.fieldId}</TableCell>
                  <TableCell>{formatPersianNumber(group.ngoCount)}</TableCell>
                  <TableCell>
                    <Box sx={{ display: "flex", flexWrap: "wrap", gap: 0.5 }}>
                      {group.ngos.map((ngo) => (
                        <Chip
                          key={ngo.id}
                          size="small"
                          label={ngo.name}
                          component={LinkBase}
                          to={`/ngos/${ngo.id}/show`}
                          clickable
                        />
                      ))}
                    </Box>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
    </Box>
  );
};
