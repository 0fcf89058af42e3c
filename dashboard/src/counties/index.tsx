import LocationCityIcon from "@mui/icons-material/LocationCity";
import type { ResourceProps } from "react-admin";
import { CountyList } from "./CountyList";
import { CountyShow } from "./CountyShow";

const counties: Omit<ResourceProps, "name"> = {
  list: CountyList,
  show: CountyShow,
  icon: LocationCityIcon,
  recordRepresentation: "name",
};

export default counties;
