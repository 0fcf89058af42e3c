import { ArrayInput, AutocompleteInput, ReferenceInput, required, SimpleFormIterator, TextInput } from "react-admin";
import { TehranDateTimeInput } from "./TehranDateTimeInput";
import { MeetingKindInput } from "./meetingEnums";
import { managerOption } from "../managers/managerOption";

export const MeetingFields = () => (
  <>
    <TextInput source="title" validate={required()} fullWidth />
    <MeetingKindInput source="kind" validate={required()} />
    <ReferenceInput source="chairId" reference="managers" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput optionText={managerOption} sx={{ minWidth: 320 }} />
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
    <ArrayInput source="attendance" label="hamafza.meetings.ngosPresent">
      <SimpleFormIterator inline disableReordering>
        <ReferenceInput source="ngoId" reference="ngos" sort={{ field: "name", order: "ASC" }}>
          <AutocompleteInput label="hamafza.common.ngo" validate={required()} sx={{ minWidth: 320 }} />
        </ReferenceInput>
        <TextInput source="representativeName" label="hamafza.common.representative" />
      </SimpleFormIterator>
    </ArrayInput>
    <ArrayInput source="officials" label="hamafza.meetings.officialsPresent">
      <SimpleFormIterator inline disableReordering>
        <ReferenceInput source="managerId" reference="managers" sort={{ field: "name", order: "ASC" }}>
          <AutocompleteInput
            optionText={managerOption}
            label="hamafza.common.manager"
            validate={required()}
            sx={{ minWidth: 280 }}
          />
        </ReferenceInput>
        <ReferenceInput source="agencyId" reference="agencies" sort={{ field: "name", order: "ASC" }}>
          <AutocompleteInput label="hamafza.common.agency" sx={{ minWidth: 240 }} />
        </ReferenceInput>
        <TextInput source="role" label="hamafza.common.roleInMeeting" validate={required()} />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);
