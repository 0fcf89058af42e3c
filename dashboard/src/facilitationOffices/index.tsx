import StorefrontIcon from "@mui/icons-material/Storefront";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const facilitationOffices: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./FacilitationOfficeList").then((m) => m.FacilitationOfficeList)),
  create: lazyPage(() => import("./FacilitationOfficeCreate").then((m) => m.FacilitationOfficeCreate)),
  edit: lazyPage(() => import("./FacilitationOfficeEdit").then((m) => m.FacilitationOfficeEdit)),
  show: lazyPage(() => import("./FacilitationOfficeShow").then((m) => m.FacilitationOfficeShow)),
  icon: StorefrontIcon,
  recordRepresentation: "name",
};

export default facilitationOffices;
