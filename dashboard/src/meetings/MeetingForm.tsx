import { ArrayInput, AutocompleteInput, ReferenceInput, required, SimpleFormIterator, TextInput } from "react-admin";
import { TehranDateTimeInput } from "./TehranDateTimeInput";
import { MeetingKindInput } from "./meetingEnums";

export const MeetingFields = () => (
  <>
    <TextInput source="title" validate={required()} fullWidth />
    <MeetingKindInput source="kind" validate={required()} />
    <ReferenceInput source="chairId" reference="managers" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <ReferenceInput source="organisingAgencyId" reference="agencies" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <TextInput source="venue" fullWidth />
    <ReferenceInput source="venueNgoHouseId" reference="ngoHouses" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <ReferenceInput source="workingGroupId" reference="workingGroups" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <TehranDateTimeInput source="scheduledAt" required />
  </>
);

export const ParticipantInputs = () => (
  <>
    <ArrayInput source="attendance" label="سمن‌های حاضر">
      <SimpleFormIterator inline disableReordering>
        <ReferenceInput source="ngoId" reference="ngos" sort={{ field: "name", order: "ASC" }}>
          <AutocompleteInput label="سمن" validate={required()} sx={{ minWidth: 320 }} />
        </ReferenceInput>
        <TextInput source="representativeName" label="نماینده" />
      </SimpleFormIterator>
    </ArrayInput>
    <ArrayInput source="officials" label="مسئولان حاضر">
      <SimpleFormIterator inline disableReordering>
        <ReferenceInput source="managerId" reference="managers" sort={{ field: "name", order: "ASC" }}>
          <AutocompleteInput label="مدیر" validate={required()} sx={{ minWidth: 280 }} />
        </ReferenceInput>
        <ReferenceInput source="agencyId" reference="agencies" sort={{ field: "name", order: "ASC" }}>
          <AutocompleteInput label="دستگاه" sx={{ minWidth: 240 }} />
        </ReferenceInput>
        <TextInput source="role" label="نقش در نشست" validate={required()} />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);
