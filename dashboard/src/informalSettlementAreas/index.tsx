import HolidayVillageIcon from "@mui/icons-material/HolidayVillage";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const informalSettlementAreas: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./InformalSettlementAreaList").then((m) => m.InformalSettlementAreaList)),
  create: lazyPage(() => import("./InformalSettlementAreaCreate").then((m) => m.InformalSettlementAreaCreate)),
  edit: lazyPage(() => import("./InformalSettlementAreaEdit").then((m) => m.InformalSettlementAreaEdit)),
  show: lazyPage(() => import("./InformalSettlementAreaShow").then((m) => m.InformalSettlementAreaShow)),
  icon: HolidayVillageIcon,
  recordRepresentation: "name",
};

export default informalSettlementAreas;
