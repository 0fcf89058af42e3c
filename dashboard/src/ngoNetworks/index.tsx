import HubIcon from "@mui/icons-material/Hub";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const ngoNetworks: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./NgoNetworkList").then((m) => m.NgoNetworkList)),
  create: lazyPage(() => import("./NgoNetworkCreate").then((m) => m.NgoNetworkCreate)),
  edit: lazyPage(() => import("./NgoNetworkEdit").then((m) => m.NgoNetworkEdit)),
  show: lazyPage(() => import("./NgoNetworkShow").then((m) => m.NgoNetworkShow)),
  icon: HubIcon,
  recordRepresentation: "name",
};

export default ngoNetworks;
