import EventBusyIcon from "@mui/icons-material/EventBusy";
import {
  AutocompleteInput,
  Create,
  Edit,
  FormDataConsumer,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
  useCanAccess,
  useRecordContext,
  type RaRecord,
} from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { tehranTodayIso } from "../common/jalaliInput";
import { useGraphQL } from "../common/graphqlOperations";
import { PositionKindInput, TITLED_POSITION_KINDS } from "./managerEnums";
import { END_TENURE } from "./managerOperations";

const ManagerForm = () => (
  <SimpleForm>
    <TextInput source="name" validate={required()} fullWidth />
    <ReferenceInput source="agencyId" reference="agencies" sort={{ field: "name", order: "ASC" }} perPage={50}>
      <AutocompleteInput validate={required()} sx={{ minWidth: 360 }} />
    </ReferenceInput>
    <PositionKindInput source="positionKind" validate={required()} />
    <FormDataConsumer>
      {({ formData }) => (
        <TextInput
          source="position"
          validate={TITLED_POSITION_KINDS.has(formData.positionKind) ? required() : undefined}
          helperText="hamafza.managers.positionHelp"
          fullWidth
        />
      )}
    </FormDataConsumer>
    <JalaliDateInput source="tenureStart" validate={required()} notInFuture />
    <FormDataConsumer>
      {({ formData }) => (
        <JalaliDateInput
          source="tenureEnd"
          helperText="hamafza.managers.tenureEndHelp"
          min={typeof formData.tenureStart === "string" ? formData.tenureStart : undefined}
        />
      )}
    </FormDataConsumer>
  </SimpleForm>
);

export const ManagerCreate = () => (
  <Create redirect="show">
    <ManagerForm />
  </Create>
);

export const ManagerEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <ManagerForm />
  </Edit>
);

/** Ends the current tenure on a given day (the manager's last day). */
export const EndTenureButton = () => {
  const manager = useRecordContext<RaRecord>();
  const graphql = useGraphQL();
  const { canAccess } = useCanAccess({ resource: "managers", action: "edit", record: manager });
  if (!manager || !canAccess || manager.tenureEnd) return null;
  return (
    <ActionDialogButton
      label="hamafza.managers.endTenure"
      icon={<EventBusyIcon />}
      color="warning"
      intro="hamafza.managers.endTenureIntro"
      defaultValues={{ endedOn: tehranTodayIso() }}
      onSubmit={(values) => graphql(END_TENURE, { id: manager.id, endedOn: values.endedOn })}
    >
      <JalaliDateInput
        source="endedOn"
        label="hamafza.managers.endedOn"
        validate={required()}
        notInFuture
        min={manager.tenureStart}
      />
    </ActionDialogButton>
  );
};
