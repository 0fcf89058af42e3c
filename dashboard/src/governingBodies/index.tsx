import AccountBalanceIcon from "@mui/icons-material/AccountBalance";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const governingBodies: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./GoverningBodyList").then((m) => m.GoverningBodyList)),
  create: lazyPage(() => import("./GoverningBodyCreate").then((m) => m.GoverningBodyCreate)),
  edit: lazyPage(() => import("./GoverningBodyEdit").then((m) => m.GoverningBodyEdit)),
  show: lazyPage(() => import("./GoverningBodyShow").then((m) => m.GoverningBodyShow)),
  icon: AccountBalanceIcon,
  recordRepresentation: "name",
};

export default governingBodies;
