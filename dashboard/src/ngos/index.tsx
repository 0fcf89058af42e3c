import GroupsIcon from "@mui/icons-material/Groups";
import type { ResourceProps } from "react-admin";
import { NgoCreate } from "./NgoCreate";
import { NgoEdit } from "./NgoEdit";
import { NgoList } from "./NgoList";
import { NgoShow } from "./NgoShow";

const ngos: Omit<ResourceProps, "name"> = {
  list: NgoList,
  show: NgoShow,
  create: NgoCreate,
  edit: NgoEdit,
  icon: GroupsIcon,
  recordRepresentation: "name",
};

export default ngos;
