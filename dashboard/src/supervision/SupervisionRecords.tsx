import AddIcon from "@mui/icons-material/Add";
import Box from "@mui/material/Box";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import ListItemText from "@mui/material/ListItemText";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { required, TextInput, useCanAccess, useTranslate } from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { graphqlQuery, useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import { formatJalali } from "../common/jalali";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { personName } from "../common/personName";
import { SupervisionKindChip, SupervisionKindInput } from "./supervisionEnums";
import { SupervisionLinkInputs } from "./SupervisionLinkInputs";
import {
  CREATE_SUPERVISION_RECORD,
  NGO_SUPERVISION_RECORDS,
  SUPERVISION_LINK_CHOICES,
  type SupervisionRecordRow,
  type SupervisionRecordsAnswer,
} from "./supervisionOperations";

/** An officer records a review, warning or inspection note of the NGO (a warning notifies its representatives). */
export const AddSupervisionRecordButton = ({ ngoId }: { ngoId: string }) => {
  const dataProvider = useHamafzaDataProvider();
  const invalidate = useInvalidateOperations();
  return (
    <ActionDialogButton
      label="hamafza.supervision.add"
      icon={<AddIcon />}
      intro="hamafza.supervision.addIntro"
      successMessage="hamafza.supervision.added"
      defaultValues={{ kind: "REVIEW" }}
      onSubmit={(values) =>
        dataProvider.graphql(CREATE_SUPERVISION_RECORD, {
          input: {
            ngoId,
            kind: values.kind,
            recordedOn: values.recordedOn,
            text: values.text ?? "",
            activityReportId: values.activityReportId || null,
            licenceEventId: values.licenceEventId || null,
          },
        })
      }
      onDone={() => void invalidate(NGO_SUPERVISION_RECORDS, SUPERVISION_LINK_CHOICES)}
    >
      <SupervisionKindInput source="kind" label="hamafza.supervision.kind" validate={required()} />
      <JalaliDateInput source="recordedOn" label="hamafza.supervision.recordedOn" notInFuture validate={required()} />
      <TextInput source="text" label="hamafza.supervision.text" multiline minRows={3} validate={required()} />
      <SupervisionLinkInputs ngoId={ngoId} />
    </ActionDialogButton>
  );
};

const RecordItem = ({ record }: { record: SupervisionRecordRow }) => {
  const translate = useTranslate();
  const details = [
    record.licenceEvent &&
      translate("hamafza.supervision.linkedAction", {
        action: translate(`hamafza.enums.licenceAction.${record.licenceEvent.action}`),
        date: formatJalali(record.licenceEvent.effectiveOn),
      }),
    record.activityReportId && translate("hamafza.supervision.followsReport"),
    record.createdBy &&
      translate("hamafza.supervision.recordedBy", { name: personName(record.createdByPerson, record.createdBy) }),
  ].filter(Boolean);
  return (
    <ListItem disableGutters alignItems="flex-start" data-testid="supervision-record">
      <ListItemText
        primary={
          <Box sx={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 1 }}>
            <SupervisionKindChip record={record} source="kind" />
            <Typography component="span">{formatJalali(record.recordedOn)}</Typography>
          </Box>
        }
        secondary={
          <>
            <Typography component="span" sx={{ display: "block", whiteSpace: "pre-wrap" }}>
              {record.text}
            </Typography>
            {details.length > 0 && (
              <Typography component="span" variant="caption" sx={{ display: "block" }}>
                {details.join(" · ")}
              </Typography>
            )}
          </>
        }
      />
    </ListItem>
  );
};

/** The NGO's supervision records the user may read, latest first (read-only; staff page and «سمن من»). */
export const SupervisionRecordList = ({ ngoId }: { ngoId: string }) => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const { data, error } = useQuery(
    graphqlQuery<SupervisionRecordsAnswer>(dataProvider, NGO_SUPERVISION_RECORDS, { ngoId }),
  );
  if (error) return <Typography color="error">{error.message}</Typography>;
  if (!data) return null;
  const items = data.supervisionRecords.items;
  if (items.length === 0) return <Typography>{translate("hamafza.supervision.none")}</Typography>;
  return (
    <List dense disablePadding data-testid="supervision-records">
      {items.map((record) => (
        <RecordItem key={record.id} record={record} />
      ))}
    </List>
  );
};

/** The supervision section of an NGO's page (staff): the list, and the add dialog for officers. */
export const NgoSupervisionSection = ({ ngoId }: { ngoId: string }) => {
  const { canAccess } = useCanAccess({ resource: "supervisionRecords", action: "create" });
  return (
    <Box sx={{ display: "flex", flexDirection: "column", gap: 1 }}>
      {canAccess && (
        <Box>
          <AddSupervisionRecordButton ngoId={ngoId} />
        </Box>
      )}
      <SupervisionRecordList ngoId={ngoId} />
    </Box>
  );
};
