import EditIcon from "@mui/icons-material/Edit";
import Box from "@mui/material/Box";
import Divider from "@mui/material/Divider";
import Typography from "@mui/material/Typography";
import {
  EditButton,
  Labeled,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useTranslate,
} from "react-admin";
import { AttachmentsPanel } from "../attachments/AttachmentsPanel";
import { JalaliDateField } from "../common/JalaliDateField";
import { LtrTextField } from "../common/LtrTextField";
import { LicenceTransitionButtons } from "./LicenceActions";
import { LicenceStateChip } from "./licenceEnums";
import { AuthorityText, DaysToExpiryField } from "./LicenceFields";
import { LicenceHistory } from "./LicenceHistory";

const LicenceShowActions = () => (
  <TopToolbar>
    <LicenceTransitionButtons />
    <EditButton label="hamafza.licences.correct" icon={<EditIcon />} />
  </TopToolbar>
);

/** The fields of a licence (also inside the NGO's licence tab). */
export const LicenceDetails = () => (
  <SimpleShowLayout>
    <LicenceStateChip source="state" label="resources.licences.fields.state" />
    <LtrTextField source="number" label="resources.licences.fields.number" />
    <Labeled label="resources.licences.fields.authority">
      <AuthorityText />
    </Labeled>
    <JalaliDateField source="issuedOn" label="resources.licences.fields.issuedOn" />
    <JalaliDateField source="expiresOn" label="resources.licences.fields.expiresOn" />
    <Labeled label="resources.licences.fields.daysToExpiry">
      <DaysToExpiryField />
    </Labeled>
    <JalaliDateField source="suspendedUntil" label="resources.licences.fields.suspendedUntil" emptyText="—" />
    <TextField source="statusReason" label="resources.licences.fields.statusReason" emptyText="—" />
  </SimpleShowLayout>
);

export const LicenceShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<LicenceShowActions />}>
      <SimpleShowLayout>
        <ReferenceField source="ngoId" reference="ngos" link="show" />
      </SimpleShowLayout>
      <LicenceDetails />
      <Divider />
      <Box sx={{ px: 2, pb: 2 }}>
        <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
          {translate("hamafza.licences.history")}
        </Typography>
        <LicenceHistory />
      </Box>
      <Box sx={{ px: 2, pb: 2 }}>
        <AttachmentsPanel record="LICENCE" resource="licences" />
      </Box>
    </Show>
  );
};
