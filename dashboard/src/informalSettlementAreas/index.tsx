import HolidayVillageIcon from "@mui/icons-material/HolidayVillage";
import type { ResourceProps } from "react-admin";
import { AreaCreate, AreaEdit, AreaShow } from "./AreaForms";
import { AreaList } from "./AreaList";

const informalSettlementAreas: Omit<ResourceProps, "name"> = {
  list: AreaList,
  create: AreaCreate,
  edit: AreaEdit,
  show: AreaShow,
  icon: HolidayVillageIcon,
  recordRepresentation: "name",
};

export default informalSettlementAreas;
