import GroupsIcon from "@mui/icons-material/Groups";
import type { ResourceProps } from "react-admin";
import { WorkingGroupCreate, WorkingGroupEdit, WorkingGroupList, WorkingGroupShow } from "./WorkingGroupPages";

const workingGroups: Omit<ResourceProps, "name"> = {
  list: WorkingGroupList,
  show: WorkingGroupShow,
  create: WorkingGroupCreate,
  edit: WorkingGroupEdit,
  icon: GroupsIcon,
  recordRepresentation: "name",
};

export default workingGroups;
