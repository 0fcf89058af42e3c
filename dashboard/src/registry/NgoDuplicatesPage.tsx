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
import { LinkBase, Title, usePermissions, useTranslate } from "react-admin";
import { EDITOR_ROLES, type Role } from "../auth/roles";
import { toPersianDigits } from "../common/persianDigits";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { DuplicatePairActions } from "./DuplicatePairActions";
import { NgoMergesCard } from "./NgoMergesCard";
import { TerritoryFilter, type TerritoryFilterValue } from "./TerritoryFilter";
import { DUPLICATE_NGO_CANDIDATES } from "./registryOperations";

interface PairNgo {
  id: string;
  name: string;
  nationalId: string;
  registrationNumber: string | null;
  county: { id: string; name: string } | null;
}

interface DuplicatePair {
  firstId: string;
  secondId: string;
  score: number;
  reasons: string[];
  nameSimilarity: number | null;
  explanation: string;
  first: PairNgo | null;
  second: PairNgo | null;
}

export const percent = (value: number | null | undefined) =>
  value == null ? "—" : `${toPersianDigits(Math.round(value * 100))}٪`;

const NgoCell = ({ ngo, id }: { ngo: PairNgo | null; id: string }) =>
  ngo ? (
    <>
      <LinkBase to={`/ngos/${ngo.id}/show`}>{ngo.name}</LinkBase>
      <Typography variant="caption" component="div" color="text.secondary">
        {ngo.county?.name ?? ""} — <span dir="ltr">{ngo.nationalId}</span>
      </Typography>
    </>
  ) : (
    <Typography variant="caption">{id}</Typography>
  );

/** Pairs of NGO records that are likely the same NGO entered twice, with the reasons. */
export const NgoDuplicatesPage = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Role | undefined>();
  const canResolve = permissions !== undefined && EDITOR_ROLES.includes(permissions);
  const [territory, setTerritory] = useState<TerritoryFilterValue>({});
  const [minScore, setMinScore] = useState(0.5);
  const dataProvider = useHamafzaDataProvider();
  // The last answer stays on screen while the next filter's is fetched.
  const { data, error, isFetching } = useQuery({
    ...graphqlQuery<{ duplicateNgoCandidates: DuplicatePair[] }>(dataProvider, DUPLICATE_NGO_CANDIDATES, {
      ...territory,
      minScore,
      limit: 200,
    }),
    placeholderData: keepPreviousData,
  });
  const pairs = data?.duplicateNgoCandidates ?? [];
  return (
    <Box sx={{ mt: 2, display: "flex", flexDirection: "column", gap: 2 }}>
      <Title title={translate("hamafza.duplicates.title")} />
      <Card>
        <CardContent sx={{ display: "flex", flexDirection: "column", gap: 2 }}>
          <Typography variant="h5" component="h1">
            {translate("hamafza.duplicates.title")}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate("hamafza.duplicates.intro")}
          </Typography>
          <TerritoryFilter value={territory} onChange={setTerritory}>
            <TextField
              fullWidth={false}
              select
              size="small"
              label={translate("hamafza.duplicates.minScore")}
              value={minScore}
              onChange={(event) => setMinScore(Number(event.target.value))}
              sx={{ minWidth: 160 }}
            >
              {[0.3, 0.5, 0.7, 0.9].map((score) => (
                <MenuItem key={score} value={score}>
                  {percent(score)}
                </MenuItem>
              ))}
            </TextField>
          </TerritoryFilter>
        </CardContent>
        {isFetching && <LinearProgress />}
      </Card>
      {error && <Alert severity="error">{error.message}</Alert>}
      {canResolve && <NgoMergesCard />}
      {!isFetching && !error && pairs.length === 0 && (
        <Alert severity="info">{translate("hamafza.duplicates.none")}</Alert>
      )}
      {pairs.length > 0 && (
        <Card>
          <Table size="small" aria-label={translate("hamafza.duplicates.title")} data-testid="duplicates">
            <TableHead>
              <TableRow>
                <TableCell>{translate("hamafza.duplicates.first")}</TableCell>
                <TableCell>{translate("hamafza.duplicates.second")}</TableCell>
                <TableCell>{translate("hamafza.duplicates.reasons")}</TableCell>
                <TableCell>{translate("hamafza.duplicates.score")}</TableCell>
                <TableCell>{translate("hamafza.duplicates.nameSimilarity")}</TableCell>
                {canResolve && <TableCell>{translate("hamafza.duplicates.decision")}</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {pairs.map((pair) => (
                <TableRow key={`${pair.firstId}-${pair.secondId}`}>
                  <TableCell>
                    <NgoCell ngo={pair.first} id={pair.firstId} />
                  </TableCell>
                  <TableCell>
                    <NgoCell ngo={pair.second} id={pair.secondId} />
                  </TableCell>
                  <TableCell>
                    <Box sx={{ display: "flex", flexWrap: "wrap", gap: 0.5 }}>
                      {pair.reasons.map((reason) => (
                        <Chip
                          key={reason}
                          size="small"
                          label={translate(`hamafza.registry.duplicateReasons.${reason}`, { _: reason })}
                        />
                      ))}
                    </Box>
                    <Typography variant="caption" color="text.secondary">
                      {pair.explanation}
                    </Typography>
                  </TableCell>
                  <TableCell>{percent(pair.score)}</TableCell>
                  <TableCell>{percent(pair.nameSimilarity)}</TableCell>
                  {canResolve && (
                    <TableCell>
                      {pair.first && pair.second && <DuplicatePairActions first={pair.first} second={pair.second} />}
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
    </Box>
  );
};
