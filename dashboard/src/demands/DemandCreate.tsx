import { InboxCreate } from "../engagement/InboxParts";
import { DemandFields } from "./DemandForm";

export const DemandCreate = () => (
  <InboxCreate>
    <DemandFields />
  </InboxCreate>
);
