import AccountBalanceIcon from "@mui/icons-material/AccountBalance";
import type { ResourceProps } from "react-admin";
import { AgencyCreate } from "./AgencyCreate";
import { AgencyEdit } from "./AgencyEdit";
import { AgencyShow } from "./AgencyShow";
import { AgencyList } from "./AgencyList";

const agencies: Omit<ResourceProps, "name"> = {
  list: AgencyList,
  create: AgencyCreate,
  edit: AgencyEdit,
  show: AgencyShow,
  icon: AccountBalanceIcon,
  recordRepresentation: "name",
};

export default agencies;
