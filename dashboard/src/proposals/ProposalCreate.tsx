import { InboxCreate } from "../engagement/InboxParts";
import { ProposalFields } from "./ProposalForm";

export const ProposalCreate = () => (
  <InboxCreate>
    <ProposalFields />
  </InboxCreate>
);
