import { Create } from "react-admin";
import { ActivityReportForm } from "./ActivityReportForm";

export const ActivityReportCreate = () => (
  <Create redirect="show" transform={(data) => ({ countiesCovered: [], ...data })}>
    <ActivityReportForm isNew />
  </Create>
);
