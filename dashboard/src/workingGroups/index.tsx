import GroupsIcon from "@mui/icons-material/Groups";
import type { ResourceProps } from "react-admin";
import { WorkingGroupCreate } from "./WorkingGroupCreate";
import { WorkingGroupEdit } from "./WorkingGroupEdit";
import { WorkingGroupList } from "./WorkingGroupList";
import { WorkingGroupShow } from "./WorkingGroupShow";

const workingGroups: Omit<ResourceProps, "name"> = {
  list: WorkingGroupList,
  show: WorkingGroupShow,
  create: WorkingGroupCreate,
  edit: WorkingGroupEdit,
  icon: GroupsIcon,
  recordRepresentation: "name",
};

export default workingGroups;
