import VerifiedIcon from "@mui/icons-material/Verified";
import type { ResourceProps } from "react-admin";
import { LicenceEdit } from "./LicenceEdit";
import { LicenceList } from "./LicenceList";
import { LicenceShow } from "./LicenceShow";

const licences: Omit<ResourceProps, "name"> = {
  list: LicenceList,
  show: LicenceShow,
  edit: LicenceEdit,
  icon: VerifiedIcon,
  // The number left-to-right inside the Persian title (its digits become Persian).
  recordRepresentation: (record) => `\u2066${record.number}\u2069`,
};

export default licences;
