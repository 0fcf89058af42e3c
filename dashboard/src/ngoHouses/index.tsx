import HomeWorkIcon from "@mui/icons-material/HomeWork";
import type { ResourceProps } from "react-admin";
import { NgoHouseCreate } from "./NgoHouseCreate";
import { NgoHouseEdit } from "./NgoHouseEdit";
import { NgoHouseShow } from "./NgoHouseShow";
import { NgoHouseList } from "./NgoHouseList";

const ngoHouses: Omit<ResourceProps, "name"> = {
  list: NgoHouseList,
  create: NgoHouseCreate,
  edit: NgoHouseEdit,
  show: NgoHouseShow,
  icon: HomeWorkIcon,
  recordRepresentation: "name",
};

export default ngoHouses;
