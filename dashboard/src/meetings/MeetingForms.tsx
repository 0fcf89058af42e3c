import Box from "@mui/material/Box";
import {
  ArrayInput,
  AutocompleteInput,
  Create,
  Edit,
  FormDataConsumer,
  ReferenceInput,
  required,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
} from "react-admin";
import { ProvinceCountyInputs, useTerritoryDefaults } from "../common/TerritoryInputs";
import { MeetingAgenda, MeetingResolutions } from "./MeetingParts";
import { Section } from "./MeetingShow";
import { meetingInput } from "./meetingInput";
import { TehranDateTimeInput } from "./TehranDateTimeInput";
import { MeetingKindInput, MeetingStatusInput } from "./meetingEnums";

const MeetingFields = () => (
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

const ParticipantInputs = () => (
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

export const MeetingCreate = () => {
  const territory = useTerritoryDefaults();
  return (
    <Create transform={meetingInput} redirect="show">
      <SimpleForm defaultValues={{ ...territory, kind: "QUARTERLY_PROBLEM_CENTRED", attendance: [], officials: [] }}>
        <ProvinceCountyInputs provinceRequired countyHelp="خالی: نشست استانی" />
        <MeetingFields />
        <ParticipantInputs />
      </SimpleForm>
    </Create>
  );
};

/** Meeting, attendance and officials in one form; its agenda and resolutions edited right below it. */
export const MeetingEdit = () => (
  <Edit transform={meetingInput} mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <MeetingFields />
      <MeetingStatusInput source="status" validate={required()} />
      <FormDataConsumer>
        {({ formData }) => (
          <>
            {formData.status !== "PLANNED" && formData.status !== "CANCELLED" && (
              <TehranDateTimeInput source="heldAt" />
            )}
            {formData.status === "CANCELLED" && (
              <TextInput source="cancellationReason" validate={required()} fullWidth />
            )}
          </>
        )}
      </FormDataConsumer>
      <TextInput source="minutes" multiline minRows={3} fullWidth />
      <ParticipantInputs />
    </SimpleForm>
    <Box sx={{ p: 2 }}>
      <Section title="دستور جلسه">
        <MeetingAgenda />
      </Section>
      <Section title="مصوبه‌ها">
        <MeetingResolutions />
      </Section>
    </Box>
  </Edit>
);
