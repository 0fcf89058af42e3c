import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import ListItemText from "@mui/material/ListItemText";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { Title, useGetIdentity, useTranslate } from "react-admin";
import type { HamafzaIdentity } from "../auth/authProvider";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { formatJalali } from "../common/jalali";
import { formatPersianNumber, toPersianDigits } from "../common/persianDigits";
import { MY_NGO, type MyNgo } from "./selfServiceOperations";
import { LabelledValue, SelfServiceSection } from "./SelfServiceSection";

const count = (value: number | null) => (value === null ? null : formatPersianNumber(value));

/** An NGO representative's own NGO: its registered (regulated) data, contact, board, capabilities and fields. */
export const MyNgoPage = () => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const { identity } = useGetIdentity();
  const ngoId = (identity as HamafzaIdentity | undefined)?.boundId;
  const { data, error } = useQuery({
    ...graphqlQuery<{ ngo: MyNgo | null }>(dataProvider, MY_NGO, { id: ngoId }),
    enabled: !!ngoId,
  });
  const ngo = data?.ngo;
  return (
    <Box sx={{ mt: 2, display: "flex", flexDirection: "column", gap: 2 }} data-testid="my-ngo">
      <Title title={translate("hamafza.selfService.ngo.title")} />
      {error && <Typography color="error">{error.message}</Typography>}
      {data && !ngo && <Typography>{translate("hamafza.selfService.ngo.notFound")}</Typography>}
      {ngo && (
        <>
          <SelfServiceSection title="hamafza.selfService.ngo.regulated" testId="my-ngo-regulated">
            <Typography variant="body2" color="text.secondary">
              {translate("hamafza.selfService.ngo.regulatedHelp")}
            </Typography>
            <LabelledValue label="hamafza.selfService.ngo.name" value={ngo.name} testId="my-ngo-name" />
            <LabelledValue label="hamafza.selfService.ngo.nationalId" value={toPersianDigits(ngo.nationalId)} />
            <LabelledValue
              label="hamafza.selfService.ngo.registrationNumber"
              value={ngo.registrationNumber && toPersianDigits(ngo.registrationNumber)}
              testId="my-ngo-registration-number"
            />
            <LabelledValue label="hamafza.selfService.ngo.county" value={ngo.county?.name} />
            <LabelledValue
              label="hamafza.selfService.ngo.licenceState"
              value={translate(`hamafza.enums.licenceState.${ngo.licenceState}`)}
            />
            {ngo.licence && (
              <>
                <LabelledValue
                  label="hamafza.selfService.ngo.licenceNumber"
                  value={toPersianDigits(ngo.licence.number)}
                />
                <LabelledValue
                  label="hamafza.selfService.ngo.licenceExpiresOn"
                  value={formatJalali(ngo.licence.expiresOn)}
                />
              </>
            )}
          </SelfServiceSection>
          <SelfServiceSection title="hamafza.selfService.ngo.contact" testId="my-ngo-contact">
            <LabelledValue
              label="hamafza.selfService.ngo.phone"
              value={ngo.phone && toPersianDigits(ngo.phone)}
              testId="my-ngo-phone"
            />
            <LabelledValue
              label="hamafza.selfService.ngo.otherPhones"
              value={ngo.otherPhones.length ? toPersianDigits(ngo.otherPhones.join("، ")) : null}
            />
            <LabelledValue label="hamafza.selfService.ngo.address" value={ngo.address} testId="my-ngo-address" />
            <LabelledValue label="hamafza.selfService.ngo.membersCount" value={count(ngo.membersCount)} />
            <LabelledValue label="hamafza.selfService.ngo.volunteersCount" value={count(ngo.volunteersCount)} />
          </SelfServiceSection>
          <SelfServiceSection title="hamafza.selfService.ngo.board">
            {ngo.boardMembers.length === 0 ? (
              <Typography>{translate("hamafza.selfService.ngo.noBoard")}</Typography>
            ) : (
              <List dense disablePadding>
                {ngo.boardMembers.map((member) => (
                  <ListItem key={member.id} disableGutters>
                    <ListItemText
                      primary={member.name}
                      secondary={translate(`hamafza.enums.boardRole.${member.role}`)}
                    />
                  </ListItem>
                ))}
              </List>
            )}
          </SelfServiceSection>
          <SelfServiceSection title="hamafza.selfService.ngo.capabilities">
            {ngo.capabilities.length === 0 ? (
              <Typography>{translate("hamafza.selfService.ngo.noCapabilities")}</Typography>
            ) : (
              <List dense disablePadding>
                {ngo.capabilities.map((capability) => (
                  <ListItem key={capability.id} disableGutters>
                    <ListItemText primary={capability.service} />
                  </ListItem>
                ))}
              </List>
            )}
          </SelfServiceSection>
          <SelfServiceSection title="hamafza.selfService.ngo.fields">
            {ngo.fields.length === 0 ? (
              <Typography>{translate("hamafza.selfService.ngo.noFields")}</Typography>
            ) : (
              <Box sx={{ display: "flex", flexWrap: "wrap", gap: 1 }}>
                {ngo.fields.map((field) => (
                  <Chip key={field.id} label={field.name} />
                ))}
              </Box>
            )}
          </SelfServiceSection>
        </>
      )}
    </Box>
  );
};
