import CategoryIcon from "@mui/icons-material/Category";
import HandshakeIcon from "@mui/icons-material/Handshake";
import { useQuery } from "@tanstack/react-query";
import {
  ArrayInput,
  AutocompleteArrayInput,
  NumberInput,
  required,
  ResourceContextProvider,
  SelectInput,
  SimpleFormIterator,
  TextInput,
} from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { FIELDS_OF_ACTIVITY_CHOICES, UPDATE_MY_NGO_ACTIVITY, type MyNgo } from "./selfServiceOperations";

type Capability = MyNgo["capabilities"][number];

/** The catalogue of fields of activity as choices (representatives may read it). */
const useFieldChoices = () => {
  const dataProvider = useHamafzaDataProvider();
  const { data } = useQuery(
    graphqlQuery<{ fieldsOfActivity: { items: { id: string; name: string }[] } }>(
      dataProvider,
      FIELDS_OF_ACTIVITY_CHOICES,
    ),
  );
  return data?.fieldsOfActivity.items ?? [];
};

/** The representative chooses their NGO's fields of activity (the list replaces the NGO's fields). */
export const EditFieldsButton = ({ ngo }: { ngo: MyNgo }) => {
  const dataProvider = useHamafzaDataProvider();
  const choices = useFieldChoices();
  return (
    <ActionDialogButton
      label="hamafza.selfService.ngo.editFields"
      icon={<CategoryIcon />}
      successMessage="hamafza.selfService.ngo.saved"
      defaultValues={{ fieldIds: ngo.fieldIds }}
      onSubmit={(values) =>
        dataProvider.graphql(UPDATE_MY_NGO_ACTIVITY, {
          input: { fieldIds: (values.fieldIds as string[] | undefined) ?? [] },
        })
      }
    >
      <AutocompleteArrayInput source="fieldIds" label="hamafza.selfService.ngo.fields" choices={choices} fullWidth />
    </ActionDialogButton>
  );
};

/**
 * The representative keeps their NGO's capabilities up to date (the list replaces the NGO's capabilities; existing
 * ones keep their ids and the counties they cover).
 */
export const EditCapabilitiesButton = ({ ngo }: { ngo: MyNgo }) => {
  const dataProvider = useHamafzaDataProvider();
  const choices = useFieldChoices();
  // The iterator needs the resource its inputs belong to (as the board's editor).
  return (
    <ResourceContextProvider value="ngos">
      <ActionDialogButton
        label="hamafza.selfService.ngo.editCapabilities"
        icon={<HandshakeIcon />}
        intro="hamafza.selfService.ngo.editCapabilitiesIntro"
        successMessage="hamafza.selfService.ngo.saved"
        defaultValues={{ capabilities: ngo.capabilities }}
        onSubmit={(values) =>
          dataProvider.graphql(UPDATE_MY_NGO_ACTIVITY, {
            input: {
              capabilities: ((values.capabilities as Partial<Capability>[] | undefined) ?? []).map((capability) => ({
                id: capability.id ?? null,
                service: capability.service ?? "",
                fieldId: capability.fieldId || null,
                coverageCountyIds: capability.coverageCountyIds ?? [],
                volunteersAvailable: capability.volunteersAvailable ?? null,
              })),
            },
          })
        }
      >
        <ArrayInput source="capabilities" label="hamafza.selfService.ngo.capabilities">
          <SimpleFormIterator disableReordering>
            <TextInput source="service" label="hamafza.selfService.ngo.capabilityService" validate={required()} />
            <SelectInput
              source="fieldId"
              label="hamafza.selfService.ngo.capabilityField"
              choices={choices}
              emptyText="hamafza.selfService.ngo.capabilityAllFields"
            />
            <NumberInput source="volunteersAvailable" label="hamafza.selfService.ngo.capabilityVolunteers" min={0} />
          </SimpleFormIterator>
        </ArrayInput>
      </ActionDialogButton>
    </ResourceContextProvider>
  );
};
