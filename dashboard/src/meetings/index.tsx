import EventIcon from "@mui/icons-material/Event";
import type { ResourceProps } from "react-admin";
import { MeetingCreate } from "./MeetingCreate";
import { MeetingEdit } from "./MeetingEdit";
import { MeetingList } from "./MeetingList";
import { MeetingShow } from "./MeetingShow";

const meetings: Omit<ResourceProps, "name"> = {
  list: MeetingList,
  show: MeetingShow,
  create: MeetingCreate,
  edit: MeetingEdit,
  icon: EventIcon,
  recordRepresentation: "title",
};

export default meetings;
