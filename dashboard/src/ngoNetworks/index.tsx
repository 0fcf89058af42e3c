import HubIcon from "@mui/icons-material/Hub";
import type { ResourceProps } from "react-admin";
import { NgoNetworkCreate } from "./NgoNetworkCreate";
import { NgoNetworkEdit } from "./NgoNetworkEdit";
import { NgoNetworkShow } from "./NgoNetworkShow";
import { NgoNetworkList } from "./NgoNetworkList";

const ngoNetworks: Omit<ResourceProps, "name"> = {
  list: NgoNetworkList,
  create: NgoNetworkCreate,
  edit: NgoNetworkEdit,
  show: NgoNetworkShow,
  icon: HubIcon,
  recordRepresentation: "name",
};

export default ngoNetworks;
