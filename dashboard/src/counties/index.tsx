import LocationCityIcon from "@mui/icons-material/LocationCity";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const counties: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./CountyList").then((m) => m.CountyList)),
  show: lazyPage(() => import("./CountyShow").then((m) => m.CountyShow)),
  icon: LocationCityIcon,
  recordRepresentation: "name",
};

export default counties;
