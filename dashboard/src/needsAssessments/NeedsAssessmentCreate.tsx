import { Create } from "react-admin";
import { NeedsAssessmentForm } from "./NeedsAssessmentForm";

export const NeedsAssessmentCreate = () => (
  <Create redirect="show">
    <NeedsAssessmentForm areaEditable />
  </Create>
);
