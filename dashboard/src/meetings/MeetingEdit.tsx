import Box from "@mui/material/Box";
import { Edit, FormDataConsumer, required, SimpleForm, TextInput } from "react-admin";
import { MeetingAgenda, MeetingResolutions } from "./MeetingParts";
import { Section } from "./MeetingShow";
import { meetingInput } from "./meetingInput";
import { TehranDateTimeInput } from "./TehranDateTimeInput";
import { MeetingStatusInput } from "./meetingEnums";
import { MeetingFields, ParticipantInputs } from "./MeetingForm";

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
      <Section title="hamafza.meetings.agenda">
        <MeetingAgenda />
      </Section>
      <Section title="hamafza.meetings.resolutions">
        <MeetingResolutions />
      </Section>
    </Box>
  </Edit>
);
