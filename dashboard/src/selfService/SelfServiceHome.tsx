import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardActions from "@mui/material/CardActions";
import CardContent from "@mui/material/CardContent";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { Link, Title, useTranslate } from "react-admin";
import type { HamafzaIdentity } from "../auth/authProvider";
import type { BoundRole } from "../auth/roles";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { SELF_SERVICE_MENUS } from "./menus";
import { MY_NGO, type MyNgo } from "./selfServiceOperations";

/** Whom an NGO representative speaks for, named on their home. */
const NgoSpeaksFor = ({ ngoId }: { ngoId: string }) => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const { data } = useQuery(graphqlQuery<{ ngo: MyNgo | null }>(dataProvider, MY_NGO, { id: ngoId }));
  if (!data?.ngo) return null;
  return (
    <Typography variant="body1" data-testid="self-home-ngo">
      {translate("hamafza.selfService.home.speaksFor", { name: data.ngo.name })}
    </Typography>
  );
};

/**
 * The home of an invited user (mobile-first): a greeting, whom they speak for, and their role's menu entries as
 * shortcut cards, one column on a phone.
 */
export const SelfServiceHome = ({ user, role }: { user: HamafzaIdentity; role: BoundRole }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, display: "flex", flexDirection: "column", gap: 2 }} data-testid={`home-${role}`}>
      <Title title={translate(`hamafza.selfService.home.titles.${role}`)} />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate(`hamafza.selfService.home.titles.${role}`)}
          </Typography>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {translate("hamafza.selfService.home.greeting", { name: user.fullName ?? user.username })}
          </Typography>
          {role === "NGO_REPRESENTATIVE" && user.boundId && <NgoSpeaksFor ngoId={user.boundId} />}
        </CardContent>
      </Card>
      <Box
        sx={{
          display: "grid",
          gap: 2,
          gridTemplateColumns: { xs: "1fr", sm: "repeat(auto-fill, minmax(260px, 1fr))" },
        }}
      >
        {SELF_SERVICE_MENUS[role].map((entry) => (
          <Card key={entry.key} data-testid={`self-home-${entry.key}`}>
            <CardContent sx={{ display: "flex", gap: 1.5, alignItems: "flex-start" }}>
              {entry.icon}
              <Box>
                <Typography variant="h6" component="h2">
                  {translate(entry.label)}
                </Typography>
                {entry.hint && (
                  <Typography variant="body2" color="text.secondary">
                    {translate(entry.hint)}
                  </Typography>
                )}
              </Box>
            </CardContent>
            <CardActions>
              <Button component={Link} to={entry.to} size="large">
                {translate("hamafza.selfService.home.open")}
              </Button>
            </CardActions>
          </Card>
        ))}
      </Box>
    </Box>
  );
};
