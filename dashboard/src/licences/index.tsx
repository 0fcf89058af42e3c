import VerifiedIcon from "@mui/icons-material/Verified";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const licences: Omit<ResourceProps, "name"> = {
  list: lazyPage(() => import("./LicenceList").then((m) => m.LicenceList)),
  show: lazyPage(() => import("./LicenceShow").then((m) => m.LicenceShow)),
  edit: lazyPage(() => import("./LicenceEdit").then((m) => m.LicenceEdit)),
  icon: VerifiedIcon,
  // The number left-to-right inside the Persian title (its digits become Persian).
  recordRepresentation: (record) => `\u2066${record.number}\u2069`,
};

export default licences;
