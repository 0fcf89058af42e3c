import Alert from "@mui/material/Alert";
import { useRef } from "react";
import {
  BooleanInput,
  Create,
  FormDataConsumer,
  SimpleForm,
  TextInput,
  useDataProvider,
  useNotify,
  useRedirect,
  useTranslate,
  type RaRecord,
} from "react-admin";
import { ProvinceCountyInputs, useTerritoryDefaults } from "../common/TerritoryInputs";
import { heldOnCreate, isPastInstant, meetingInput } from "./meetingInput";
import { MeetingFields, ParticipantInputs } from "./MeetingForm";

/** Shown while a past time is about to be saved as a planned meeting. */
const PastPlannedWarning = () => {
  const translate = useTranslate();
  return (
    <FormDataConsumer>
      {({ formData }) =>
        !formData.alreadyHeld && isPastInstant(formData.scheduledAt) ? (
          <Alert severity="warning" sx={{ my: 1 }} data-testid="past-planned-warning">
            {translate("hamafza.meetings.pastPlanned")}
          </Alert>
        ) : null
      }
    </FormDataConsumer>
  );
};

/**
 * A new meeting: planned, or — for a meeting that already took place — recorded as held with its attendance and
 * minutes in one go (created, then marked held at its scheduled time; the API's create takes no status).
 */
export const MeetingCreate = () => {
  const territory = useTerritoryDefaults();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const held = useRef<Record<string, unknown> | null>(null);

  const transform = (data: Record<string, unknown>) => {
    held.current = heldOnCreate(data);
    return meetingInput(data);
  };
  const onSuccess = async (record: RaRecord) => {
    const change = held.current;
    if (change) {
      try {
        await dataProvider.update("meetings", { id: record.id, data: change, previousData: record });
      } catch (error) {
        notify(translate("hamafza.meetings.heldSaveFailed", { message: (error as Error).message }), { type: "error" });
        return redirect("edit", "meetings", record.id);
      }
    }
    notify("ra.notification.created", { messageArgs: { smart_count: 1 } });
    redirect("show", "meetings", record.id);
  };

  return (
    <Create transform={transform} mutationOptions={{ onSuccess }}>
      <SimpleForm defaultValues={{ ...territory, kind: "QUARTERLY_PROBLEM_CENTRED", attendance: [], officials: [] }}>
        <ProvinceCountyInputs provinceRequired countyHelp="hamafza.meetings.countyEmptyProvincial" />
        <MeetingFields />
        <BooleanInput
          source="alreadyHeld"
          label="hamafza.meetings.alreadyHeld"
          helperText="hamafza.meetings.alreadyHeldHelp"
        />
        <PastPlannedWarning />
        <FormDataConsumer>
          {({ formData }) =>
            formData.alreadyHeld ? <TextInput source="minutes" multiline minRows={3} fullWidth /> : null
          }
        </FormDataConsumer>
        <ParticipantInputs />
      </SimpleForm>
    </Create>
  );
};
