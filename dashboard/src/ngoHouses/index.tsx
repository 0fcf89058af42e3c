import HomeWorkIcon from "@mui/icons-material/HomeWork";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const ngoHouses: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./NgoHouseList").then((m) => m.NgoHouseList)),
  create: lazyPage(() => import("./NgoHouseCreate").then((m) => m.NgoHouseCreate)),
  edit: lazyPage(() => import("./NgoHouseEdit").then((m) => m.NgoHouseEdit)),
  show: lazyPage(() => import("./NgoHouseShow").then((m) => m.NgoHouseShow)),
  icon: HomeWorkIcon,
  recordRepresentation: "name",
};

export default ngoHouses;
