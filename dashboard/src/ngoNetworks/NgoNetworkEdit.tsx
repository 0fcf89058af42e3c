import { Edit } from "react-admin";
import { withIncludedIds } from "../common/includedLists";
import { INCLUDE_MEMBERS, NgoNetworkForm } from "./NgoNetworkForm";

const membersToIds = withIncludedIds("members", "memberNgoIds");

export const NgoNetworkEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="show"
    queryOptions={{ ...INCLUDE_MEMBERS, select: membersToIds }}
    mutationOptions={INCLUDE_MEMBERS}
  >
    <NgoNetworkForm />
  </Edit>
);
