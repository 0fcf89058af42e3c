import EditIcon from "@mui/icons-material/Edit";
import PublicOffIcon from "@mui/icons-material/PublicOff";
import HistoryEduIcon from "@mui/icons-material/HistoryEdu";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import ListItemText from "@mui/material/ListItemText";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { NumberInput, TextInput, Title, useGetIdentity, useTranslate } from "react-admin";
import type { HamafzaIdentity } from "../auth/authProvider";
import { ActionDialogButton } from "../common/ActionDialog";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { formatJalali } from "../common/jalali";
import { formatPersianNumber, toPersianDigits } from "../common/persianDigits";
import { EditCapabilitiesButton, EditFieldsButton } from "./EditActivityButtons";
import { EditBoardButton } from "./EditBoardButton";
import {
  MY_NGO,
  REQUEST_NGO_CHANGE,
  UPDATE_MY_NGO_PROFILE,
  WITHDRAW_MY_PUBLIC_LISTING_CONSENT,
  type MyNgo,
} from "./selfServiceOperations";
import { LabelledValue, SelfServiceSection } from "./SelfServiceSection";
import { SupervisionRecordList } from "../supervision/SupervisionRecords";

const count = (value: number | null) => (value === null ? null : formatPersianNumber(value));

/** A form's value as the API takes it: blank text or a cleared number is `null`. */
const valueOrNull = (value: unknown) => (value === undefined || value === "" ? null : value);

/** Representatives only read an NGO that is dissolved or merged or whose licence is revoked (docs/self-service.md). */
const isReadOnly = (ngo: MyNgo) =>
  ngo.status === "DISSOLVED" || ngo.status === "MERGED" || ngo.licenceState === "REVOKED";

/** The representative asks an official to change the regulated fields (only the fields to change are filled). */
const RequestChangeButton = () => {
  const dataProvider = useHamafzaDataProvider();
  return (
    <ActionDialogButton
      label="hamafza.selfService.ngo.requestChange"
      icon={<HistoryEduIcon />}
      intro="hamafza.selfService.ngo.requestChangeIntro"
      successMessage="hamafza.selfService.ngo.requestFiled"
      onSubmit={(values) =>
        dataProvider.graphql(REQUEST_NGO_CHANGE, {
          input: {
            name: valueOrNull(values.name),
            nationalId: valueOrNull(values.nationalId),
            registrationNumber: valueOrNull(values.registrationNumber),
            reason: values.reason ?? "",
            reference: valueOrNull(values.reference),
          },
        })
      }
    >
      <TextInput source="name" label="hamafza.selfService.ngo.newName" />
      <TextInput source="nationalId" label="hamafza.selfService.ngo.newNationalId" inputMode="numeric" />
      <TextInput source="registrationNumber" label="hamafza.selfService.ngo.newRegistrationNumber" />
      <TextInput source="reason" label="hamafza.selfService.ngo.changeReason" multiline />
      <TextInput source="reference" label="hamafza.selfService.ngo.changeReference" />
    </ActionDialogButton>
  );
};

/** The NGO takes back its consent to the public register (always allowed). */
const WithdrawConsentButton = () => {
  const dataProvider = useHamafzaDataProvider();
  return (
    <ActionDialogButton
      label="hamafza.selfService.ngo.withdrawConsent"
      icon={<PublicOffIcon />}
      intro="hamafza.selfService.ngo.withdrawConsentIntro"
      successMessage="hamafza.selfService.ngo.consentWithdrawn"
      color="error"
      onSubmit={() => dataProvider.graphql(WITHDRAW_MY_PUBLIC_LISTING_CONSENT)}
    />
  );
};

/** The representative changes the NGO's contact details directly. */
const EditContactButton = ({ ngo }: { ngo: MyNgo }) => {
  const dataProvider = useHamafzaDataProvider();
  return (
    <ActionDialogButton
      label="hamafza.selfService.ngo.editContact"
      icon={<EditIcon />}
      intro="hamafza.selfService.ngo.editContactIntro"
      successMessage="hamafza.selfService.ngo.saved"
      defaultValues={{
        phone: ngo.phone ?? "",
        address: ngo.address ?? "",
        membersCount: ngo.membersCount,
        volunteersCount: ngo.volunteersCount,
      }}
      onSubmit={(values) =>
        dataProvider.graphql(UPDATE_MY_NGO_PROFILE, {
          input: {
            phone: valueOrNull(values.phone),
            address: valueOrNull(values.address),
            membersCount: valueOrNull(values.membersCount),
            volunteersCount: valueOrNull(values.volunteersCount),
          },
        })
      }
    >
      <TextInput source="phone" label="hamafza.selfService.ngo.phone" inputMode="tel" />
      <TextInput source="address" label="hamafza.selfService.ngo.address" multiline />
      <NumberInput source="membersCount" label="hamafza.selfService.ngo.membersCount" min={0} />
      <NumberInput source="volunteersCount" label="hamafza.selfService.ngo.volunteersCount" min={0} />
    </ActionDialogButton>
  );
};

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
      {ngo && ngo.id !== ngoId && (
        // The session names an NGO merged into this one: the representative acts for the survivor (docs/merging.md).
        <Typography color="info.main" data-testid="my-ngo-merged">
          {translate("hamafza.selfService.ngo.mergedInto", { name: ngo.name })}
        </Typography>
      )}
      {ngo && isReadOnly(ngo) && (
        <Typography color="warning.main">{translate("hamafza.selfService.ngo.readOnly")}</Typography>
      )}
      {ngo && (
        <>
          <SelfServiceSection
            title="hamafza.selfService.ngo.regulated"
            testId="my-ngo-regulated"
            actions={isReadOnly(ngo) ? undefined : <RequestChangeButton />}
          >
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
          <SelfServiceSection
            title="hamafza.selfService.ngo.contact"
            testId="my-ngo-contact"
            actions={isReadOnly(ngo) ? undefined : <EditContactButton ngo={ngo} />}
          >
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
          <SelfServiceSection title="hamafza.supervision.title" testId="my-ngo-supervision">
            <Typography variant="body2" color="text.secondary">
              {translate("hamafza.supervision.myHelp")}
            </Typography>
            <SupervisionRecordList ngoId={ngo.id} />
          </SelfServiceSection>
          <SelfServiceSection
            title="hamafza.selfService.ngo.publicRegister"
            testId="my-ngo-public-register"
            actions={ngo.publicListing ? <WithdrawConsentButton /> : undefined}
          >
            <Typography>
              {ngo.publicListing
                ? translate("hamafza.selfService.ngo.listed", { date: formatJalali(ngo.publicListing.consentOn) })
                : translate("hamafza.selfService.ngo.notListed")}
            </Typography>
          </SelfServiceSection>
          <SelfServiceSection
            title="hamafza.selfService.ngo.board"
            testId="my-ngo-board"
            actions={isReadOnly(ngo) ? undefined : <EditBoardButton ngo={ngo} />}
          >
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
          <SelfServiceSection
            title="hamafza.selfService.ngo.capabilities"
            testId="my-ngo-capabilities"
            actions={isReadOnly(ngo) ? undefined : <EditCapabilitiesButton ngo={ngo} />}
          >
            {ngo.capabilities.length === 0 ? (
              <Typography>{translate("hamafza.selfService.ngo.noCapabilities")}</Typography>
            ) : (
              <List dense disablePadding>
                {ngo.capabilities.map((capability) => (
                  <ListItem key={capability.id} disableGutters>
                    <ListItemText
                      primary={capability.service}
                      secondary={[
                        ngo.fields.find((field) => field.id === capability.fieldId)?.name,
                        capability.volunteersAvailable === null
                          ? null
                          : translate("hamafza.selfService.ngo.capabilityVolunteersCount", {
                              count: formatPersianNumber(capability.volunteersAvailable),
                            }),
                      ]
                        .filter(Boolean)
                        .join("، ")}
                    />
                  </ListItem>
                ))}
              </List>
            )}
          </SelfServiceSection>
          <SelfServiceSection
            title="hamafza.selfService.ngo.fields"
            testId="my-ngo-fields"
            actions={isReadOnly(ngo) ? undefined : <EditFieldsButton ngo={ngo} />}
          >
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
