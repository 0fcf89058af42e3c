import CategoryIcon from "@mui/icons-material/Category";
import type { ResourceProps } from "react-admin";
import { FieldOfActivityCreate } from "./FieldOfActivityCreate";
import { FieldOfActivityEdit } from "./FieldOfActivityEdit";
import { FieldOfActivityShow } from "./FieldOfActivityShow";
import { FieldOfActivityList } from "./FieldOfActivityList";

const fieldsOfActivity: Omit<ResourceProps, "name"> = {
  list: FieldOfActivityList,
  create: FieldOfActivityCreate,
  edit: FieldOfActivityEdit,
  show: FieldOfActivityShow,
  icon: CategoryIcon,
  recordRepresentation: "name",
};

export default fieldsOfActivity;
