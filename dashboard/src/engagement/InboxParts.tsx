import ReplyIcon from "@mui/icons-material/Reply";
import type { ReactNode } from "react";
import {
  AutocompleteInput,
  Create,
  EditButton,
  ReferenceInput,
  required,
  SimpleForm,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useRecordContext,
  type RaRecord,
} from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { toPersianDigits } from "../common/persianDigits";
import { ProvinceCountyInputs, useTerritoryDefaults } from "../common/TerritoryInputs";

/** Parts shared by the agencies' inboxes of NGOs' demands and proposals. */

/** Days the agency took to answer, in Persian digits. */
export const responseDays = (record: RaRecord) =>
  record.responseDays == null ? "" : toPersianDigits(record.responseDays);

/** A new demand or proposal: the NGO, its territory, then the resource's own fields. */
export const InboxCreate = ({ children }: { children: ReactNode }) => {
  const territory = useTerritoryDefaults();
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={territory}>
        <ReferenceInput source="ngoId" reference="ngos" sort={{ field: "name", order: "ASC" }}>
          <AutocompleteInput validate={required()} sx={{ minWidth: 320 }} />
        </ReferenceInput>
        <ProvinceCountyInputs provinceRequired />
        {children}
      </SimpleForm>
    </Create>
  );
};

export interface InboxActionsProps {
  resource: "demands" | "proposals";
  /** The status the record starts in; the answer dialog offers «UNDER_REVIEW» in its place. */
  initialStatus: string;
  /** The answer dialog's inputs. */
  children: ReactNode;
}

const RespondButton = ({ resource, initialStatus, children }: InboxActionsProps) => {
  const record = useRecordContext();
  const dataProvider = useDataProvider();
  if (!record) return null;
  return (
    <ActionDialogButton
      label="hamafza.engagement.recordAgencyResponse"
      icon={<ReplyIcon />}
      defaultValues={{
        status: record.status === initialStatus ? "UNDER_REVIEW" : record.status,
        response: record.response ?? "",
      }}
      onSubmit={(values) => dataProvider.update(resource, { id: record.id, data: values, previousData: record })}
    >
      {children}
    </ActionDialogButton>
  );
};

/** The show page's toolbar: the agency's dated answer and edit, for those who may edit. */
export const InboxActions = (props: InboxActionsProps) => {
  const { canAccess } = useCanAccess({ resource: props.resource, action: "edit" });
  return (
    <TopToolbar>
      {canAccess ? [<RespondButton key="respond" {...props} />, <EditButton key="edit" />] : null}
    </TopToolbar>
  );
};
