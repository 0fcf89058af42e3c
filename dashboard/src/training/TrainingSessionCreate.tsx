import { Create, NumberInput, ReferenceInput, AutocompleteInput, required, SimpleForm, TextInput } from "react-admin";
import { ProvinceCountyInputs } from "../common/TerritoryInputs";
import { TehranDateTimeInput } from "../meetings/TehranDateTimeInput";

/** Plan a training session: topic, when, a venue or an NGO House, capacity, provider and territory. */
export const TrainingSessionCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <TextInput source="topic" validate={required()} fullWidth />
      <TehranDateTimeInput source="startsAt" required />
      <TextInput source="venue" helperText="hamafza.training.venueHelp" fullWidth />
      <ReferenceInput source="ngoHouseId" reference="ngoHouses" sort={{ field: "name", order: "ASC" }}>
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <NumberInput source="capacity" defaultValue={20} min={1} max={500} validate={required()} />
      <TextInput source="provider" validate={required()} fullWidth />
      <ProvinceCountyInputs provinceRequired />
    </SimpleForm>
  </Create>
);
