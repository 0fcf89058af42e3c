import EventIcon from "@mui/icons-material/Event";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const meetings: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./MeetingList").then((m) => m.MeetingList)),
  show: lazyPage(() => import("./MeetingShow").then((m) => m.MeetingShow)),
  create: lazyPage(() => import("./MeetingCreate").then((m) => m.MeetingCreate)),
  edit: lazyPage(() => import("./MeetingEdit").then((m) => m.MeetingEdit)),
  icon: EventIcon,
  recordRepresentation: "title",
};

export default meetings;
