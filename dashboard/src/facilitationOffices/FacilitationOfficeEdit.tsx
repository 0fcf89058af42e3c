import { Edit } from "react-admin";
import { withIncludedIds } from "../common/includedLists";
import { FacilitationOfficeForm, INCLUDE_OPERATORS } from "./FacilitationOfficeForm";

const operatorsToIds = withIncludedIds("operators", "operatorNgoIds");

export const FacilitationOfficeEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="show"
    queryOptions={{ ...INCLUDE_OPERATORS, select: operatorsToIds }}
    mutationOptions={INCLUDE_OPERATORS}
  >
    <FacilitationOfficeForm />
  </Edit>
);
