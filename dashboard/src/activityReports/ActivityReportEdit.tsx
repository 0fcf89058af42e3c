import { Edit } from "react-admin";
import { ActivityReportForm } from "./ActivityReportForm";

/** A correction of a report not yet accepted; a returned report goes back to «submitted». */
export const ActivityReportEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic">
    <ActivityReportForm />
  </Edit>
);
