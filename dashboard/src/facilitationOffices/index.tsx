import StorefrontIcon from "@mui/icons-material/Storefront";
import type { ResourceProps } from "react-admin";
import { FacilitationOfficeCreate } from "./FacilitationOfficeCreate";
import { FacilitationOfficeEdit } from "./FacilitationOfficeEdit";
import { FacilitationOfficeShow } from "./FacilitationOfficeShow";
import { FacilitationOfficeList } from "./FacilitationOfficeList";

const facilitationOffices: Omit<ResourceProps, "name"> = {
  list: FacilitationOfficeList,
  create: FacilitationOfficeCreate,
  edit: FacilitationOfficeEdit,
  show: FacilitationOfficeShow,
  icon: StorefrontIcon,
  recordRepresentation: "name",
};

export default facilitationOffices;
