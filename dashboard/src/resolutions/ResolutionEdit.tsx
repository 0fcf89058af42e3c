import { Edit, SimpleForm } from "react-admin";
import { ResolutionInputs } from "../meetings/MeetingParts";

export const ResolutionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <ResolutionInputs withStatus />
    </SimpleForm>
  </Edit>
);
