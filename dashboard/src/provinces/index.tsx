import MapIcon from "@mui/icons-material/Map";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const provinces: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./ProvinceList").then((m) => m.ProvinceList)),
  show: lazyPage(() => import("./ProvinceShow").then((m) => m.ProvinceShow)),
  icon: MapIcon,
  recordRepresentation: "name",
};

export default provinces;
