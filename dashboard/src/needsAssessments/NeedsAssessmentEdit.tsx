import { Edit } from "react-admin";
import { NeedsAssessmentForm } from "./NeedsAssessmentForm";

export const NeedsAssessmentEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <NeedsAssessmentForm areaEditable={false} />
  </Edit>
);
