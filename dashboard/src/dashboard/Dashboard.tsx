import Box from "@mui/material/Box";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Typography from "@mui/material/Typography";
import { Title, useTranslate } from "react-admin";
import { StatCard } from "./StatCard";

// Each list accepts only its documented sort fields (react-admin's default, `id`, is refused by some).
const STATS = [
  { resource: "ngos", label: "hamafza.dashboard.ngos", sortField: "name" },
  { resource: "meetings", label: "hamafza.dashboard.meetings", sortField: "scheduledAt" },
  { resource: "provinces", label: "hamafza.dashboard.provinces", sortField: "name" },
  { resource: "counties", label: "hamafza.dashboard.counties", sortField: "name" },
  {
    resource: "licences",
    label: "hamafza.dashboard.licencesExpiring",
    sortField: "expiresOn",
    filter: { states: ["EXPIRING"], currentOnly: true },
  },
  {
    resource: "licences",
    label: "hamafza.dashboard.licencesExpired",
    sortField: "expiresOn",
    filter: { states: ["EXPIRED"], currentOnly: true },
  },
];

export const Dashboard = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, display: "flex", flexDirection: "column", gap: 2 }}>
      <Title title={translate("hamafza.title")} />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate("hamafza.title")}
          </Typography>
          <Typography variant="body1">{translate("hamafza.dashboard.welcome")}</Typography>
          <Typography variant="body2" color="text.secondary">
            {translate("hamafza.dashboard.intro")}
          </Typography>
        </CardContent>
      </Card>
      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2 }}>
        {STATS.map((stat) => (
          <StatCard key={stat.label} {...stat} />
        ))}
      </Box>
    </Box>
  );
};
