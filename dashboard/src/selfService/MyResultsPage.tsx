import Box from "@mui/material/Box";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import ListItemText from "@mui/material/ListItemText";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { Title, useTranslate } from "react-admin";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { formatPersianDecimal, toPersianDigits } from "../common/persianDigits";
import { MY_RESULTS, type MyResult } from "./selfServiceOperations";
import { SelfServiceSection } from "./SelfServiceSection";

/** A manager's own evaluation results (the server shows them once their cycle is under review). */
export const MyResultsPage = () => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const { data, error } = useQuery(
    graphqlQuery<{ evaluationResults: { items: MyResult[] } }>(dataProvider, MY_RESULTS),
  );
  const items = data?.evaluationResults.items ?? [];
  return (
    <Box sx={{ mt: 2 }} data-testid="my-results">
      <Title title={translate("hamafza.selfService.results.title")} />
      {error && <Typography color="error">{error.message}</Typography>}
      <SelfServiceSection title="hamafza.selfService.results.title">
        {data && items.length === 0 && <Typography>{translate("hamafza.selfService.results.empty")}</Typography>}
        <List dense disablePadding>
          {items.map((result) => (
            <ListItem key={result.id} disableGutters>
              <ListItemText
                primary={`${translate("hamafza.selfService.results.year")} ${toPersianDigits(result.year)} — ${result.position}`}
                secondary={`${translate("hamafza.selfService.results.total")}: ${formatPersianDecimal(result.total)} — ${translate(`hamafza.enums.grade.${result.grade}`)}`}
              />
            </ListItem>
          ))}
        </List>
      </SelfServiceSection>
    </Box>
  );
};
