import PublicIcon from "@mui/icons-material/Public";
import PublicOffIcon from "@mui/icons-material/PublicOff";
import Alert from "@mui/material/Alert";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { required, TextInput, useCanAccess, useRecordContext, useTranslate } from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { formatJalali } from "../common/jalali";
import { graphqlQuery, useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import { LIST_NGO_PUBLICLY, NGO_PUBLIC_LISTING, UNLIST_NGO_PUBLICLY } from "./ngoOperations";

interface Listing {
  consentOn: string;
  consentNote: string;
  listedBy: string;
  listedAt: string;
}

/**
 * The NGO in the public register (docs/public-register.md): whether it is listed, with the consent recorded; officers
 * list it with the NGO's consent, or take it out.
 */
export const NgoPublicListing = () => {
  const translate = useTranslate();
  const record = useRecordContext();
  const dataProvider = useHamafzaDataProvider();
  const invalidate = useInvalidateOperations();
  const { canAccess } = useCanAccess({ resource: "ngos", action: "edit" });
  const { data, error } = useQuery({
    ...graphqlQuery<{ ngo: { publicListing: Listing | null } | null }>(dataProvider, NGO_PUBLIC_LISTING, {
      id: record?.id,
    }),
    enabled: Boolean(record?.id),
  });
  if (!record) return null;
  if (error) return <Alert severity="error">{error.message}</Alert>;
  const listing = data?.ngo?.publicListing;
  return (
    <Stack direction="row" gap={2} alignItems="center" flexWrap="wrap" data-testid="public-listing">
      <Typography variant="body2">
        {listing
          ? translate("hamafza.ngos.publicListing.listed", {
              consentOn: formatJalali(listing.consentOn),
              consentNote: listing.consentNote,
            })
          : translate("hamafza.ngos.publicListing.notListed")}
      </Typography>
      {canAccess && (
        <ActionDialogButton
          label={listing ? "hamafza.ngos.publicListing.relist" : "hamafza.ngos.publicListing.list"}
          icon={<PublicIcon />}
          title="hamafza.ngos.publicListing.listTitle"
          intro="hamafza.ngos.publicListing.listIntro"
          onSubmit={(values) =>
            dataProvider.graphql(LIST_NGO_PUBLICLY, {
              id: record.id,
              input: { consentOn: values.consentOn, consentNote: values.consentNote },
            })
          }
          onDone={() => invalidate(NGO_PUBLIC_LISTING)}
        >
          <JalaliDateInput
            source="consentOn"
            label={translate("hamafza.ngos.publicListing.consentOn")}
            validate={required()}
            notInFuture
          />
          <TextInput
            source="consentNote"
            label="hamafza.ngos.publicListing.consentNote"
            validate={required()}
            multiline
            fullWidth
          />
        </ActionDialogButton>
      )}
      {canAccess && listing && (
        <ActionDialogButton
          label="hamafza.ngos.publicListing.unlist"
          icon={<PublicOffIcon />}
          color="warning"
          title="hamafza.ngos.publicListing.unlistTitle"
          onSubmit={() => dataProvider.graphql(UNLIST_NGO_PUBLICLY, { id: record.id })}
          onDone={() => invalidate(NGO_PUBLIC_LISTING)}
        />
      )}
    </Stack>
  );
};
