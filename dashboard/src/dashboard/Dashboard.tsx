import Box from "@mui/material/Box";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import { Title, useGetIdentity, useTranslate } from "react-admin";
import type { HamafzaIdentity } from "../auth/authProvider";
import { isBoundRole } from "../auth/roles";
import { CountyOfficerHome } from "../home/CountyOfficerHome";
import { EvaluatorHome } from "../home/EvaluatorHome";
import { NationalHome } from "../home/NationalHome";
import { PeriodPicker } from "../home/PeriodPicker";
import { ProvinceOfficerHome } from "../home/ProvinceOfficerHome";
import { currentJalaliQuarter, type JalaliQuarter } from "../home/period";
import { SelfServiceHome } from "../selfService/SelfServiceHome";

/**
 * The home page: what the signed-in role works on, for a Jalali year and quarter (today's by default); invited users
 * (NGO representatives, agency respondents, managers) get their own home (selfService/).
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const [period, setPeriod] = useState<JalaliQuarter>(() => currentJalaliQuarter());
  const user = identity as HamafzaIdentity | undefined;
  if (user && isBoundRole(user.role)) return <SelfServiceHome user={user} role={user.role} />;
  return (
    <Box sx={{ mt: 2, display: "flex", flexDirection: "column", gap: 2 }} data-testid={user && `home-${user.role}`}>
      <Title title={translate("hamafza.title")} />
      <Card>
        <CardContent sx={{ display: "flex", flexWrap: "wrap", gap: 2, alignItems: "center" }}>
          <Box sx={{ flex: "1 1 320px" }}>
            <Typography variant="h5" component="h1" gutterBottom>
              {translate(user ? `hamafza.home.titles.${user.role}` : "hamafza.title")}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate("hamafza.dashboard.intro")}
            </Typography>
          </Box>
          <PeriodPicker value={period} onChange={setPeriod} />
        </CardContent>
      </Card>
      <Box sx={{ display: "flex", flexWrap: "wrap", gap: 2 }}>
        {user?.role === "COUNTY_OFFICER" && <CountyOfficerHome period={period} countyId={user.countyId} />}
        {user?.role === "PROVINCE_OFFICER" && <ProvinceOfficerHome period={period} provinceId={user.provinceId} />}
        {user?.role === "EVALUATOR" && <EvaluatorHome period={period} />}
        {(user?.role === "ANALYST" || user?.role === "ADMIN") && <NationalHome period={period} />}
      </Box>
    </Box>
  );
};
