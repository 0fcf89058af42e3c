import HolidayVillageIcon from "@mui/icons-material/HolidayVillage";
import type { ResourceProps } from "react-admin";
import { InformalSettlementAreaCreate } from "./InformalSettlementAreaCreate";
import { InformalSettlementAreaEdit } from "./InformalSettlementAreaEdit";
import { InformalSettlementAreaShow } from "./InformalSettlementAreaShow";
import { InformalSettlementAreaList } from "./InformalSettlementAreaList";

const informalSettlementAreas: Omit<ResourceProps, "name"> = {
  list: InformalSettlementAreaList,
  create: InformalSettlementAreaCreate,
  edit: InformalSettlementAreaEdit,
  show: InformalSettlementAreaShow,
  icon: HolidayVillageIcon,
  recordRepresentation: "name",
};

export default informalSettlementAreas;
