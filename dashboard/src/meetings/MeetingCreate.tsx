import { Create, SimpleForm } from "react-admin";
import { ProvinceCountyInputs, useTerritoryDefaults } from "../common/TerritoryInputs";
import { meetingInput } from "./meetingInput";
import { MeetingFields, ParticipantInputs } from "./MeetingForm";

export const MeetingCreate = () => {
  const territory = useTerritoryDefaults();
  return (
    <Create transform={meetingInput} redirect="show">
      <SimpleForm defaultValues={{ ...territory, kind: "QUARTERLY_PROBLEM_CENTRED", attendance: [], officials: [] }}>
        <ProvinceCountyInputs provinceRequired countyHelp="hamafza.meetings.countyEmptyProvincial" />
        <MeetingFields />
        <ParticipantInputs />
      </SimpleForm>
    </Create>
  );
};
