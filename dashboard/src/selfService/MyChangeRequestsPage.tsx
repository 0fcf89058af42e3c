import Box from "@mui/material/Box";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { Title, useTranslate } from "react-admin";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { ChangeRequestCard } from "../ngoChangeRequests/ChangeRequestCard";
import { NGO_CHANGE_REQUESTS, type NgoChangeRequestRow } from "../ngoChangeRequests/ngoChangeRequestOperations";

/** A representative's change requests of their NGO's regulated fields, newest first, with the officials' decisions. */
export const MyChangeRequestsPage = () => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const { data, error } = useQuery(
    graphqlQuery<{ ngoChangeRequests: { items: NgoChangeRequestRow[] } }>(dataProvider, NGO_CHANGE_REQUESTS, {
      limit: 100,
    }),
  );
  const items = data?.ngoChangeRequests.items ?? [];
  return (
    <Box sx={{ mt: 2, display: "flex", flexDirection: "column", gap: 2 }} data-testid="my-change-requests">
      <Title title={translate("hamafza.selfService.changeRequests.title")} />
      <Typography variant="body2" color="text.secondary">
        {translate("hamafza.selfService.hints.changeRequests")}
      </Typography>
      {error && <Typography color="error">{error.message}</Typography>}
      {data && items.length === 0 && <Typography>{translate("hamafza.selfService.changeRequests.empty")}</Typography>}
      {items.map((request) => (
        <ChangeRequestCard key={request.id} request={request} />
      ))}
    </Box>
  );
};
