import MapIcon from "@mui/icons-material/Map";
import type { ResourceProps } from "react-admin";
import { ProvinceList } from "./ProvinceList";
import { ProvinceShow } from "./ProvinceShow";

const provinces: Omit<ResourceProps, "name"> = {
  list: ProvinceList,
  show: ProvinceShow,
  icon: MapIcon,
  recordRepresentation: "name",
};

export default provinces;
