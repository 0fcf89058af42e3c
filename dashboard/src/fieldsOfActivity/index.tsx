import CategoryIcon from "@mui/icons-material/Category";
import type { ResourceProps } from "react-admin";
import { FieldOfActivityCreate, FieldOfActivityEdit, FieldOfActivityShow } from "./FieldOfActivityForms";
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
