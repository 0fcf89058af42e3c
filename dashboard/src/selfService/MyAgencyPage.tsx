import Box from "@mui/material/Box";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { Title, useGetIdentity, useTranslate } from "react-admin";
import type { HamafzaIdentity } from "../auth/authProvider";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { formatPersianNumber } from "../common/persianDigits";
import { MY_AGENCY_ITEMS } from "./selfServiceOperations";
import { LabelledValue, SelfServiceSection } from "./SelfServiceSection";

/** An agency respondent's agency: how many demands and proposals are addressed to it (the inbox is its own page). */
export const MyAgencyPage = () => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const { identity } = useGetIdentity();
  const agencyId = (identity as HamafzaIdentity | undefined)?.boundId;
  const { data, error } = useQuery({
    ...graphqlQuery<{
      agency: { id: string; name: string } | null;
      demands: { totalCount: number };
      proposals: { totalCount: number };
    }>(dataProvider, MY_AGENCY_ITEMS, { id: agencyId }),
    enabled: !!agencyId,
  });
  return (
    <Box sx={{ mt: 2 }} data-testid="my-agency">
      <Title title={translate("hamafza.selfService.agency.title")} />
      {error && <Typography color="error">{error.message}</Typography>}
      {data && (
        <SelfServiceSection title="hamafza.selfService.agency.title">
          <LabelledValue label="hamafza.selfService.agency.name" value={data.agency?.name} testId="my-agency-name" />
          <LabelledValue
            label="hamafza.selfService.agency.demands"
            value={formatPersianNumber(data.demands.totalCount)}
          />
          <LabelledValue
            label="hamafza.selfService.agency.proposals"
            value={formatPersianNumber(data.proposals.totalCount)}
          />
        </SelfServiceSection>
      )}
    </Box>
  );
};
