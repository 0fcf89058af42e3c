import AccountBalanceIcon from "@mui/icons-material/AccountBalance";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const agencies: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./AgencyList").then((m) => m.AgencyList)),
  create: lazyPage(() => import("./AgencyCreate").then((m) => m.AgencyCreate)),
  edit: lazyPage(() => import("./AgencyEdit").then((m) => m.AgencyEdit)),
  show: lazyPage(() => import("./AgencyShow").then((m) => m.AgencyShow)),
  icon: AccountBalanceIcon,
  recordRepresentation: "name",
};

export default agencies;
