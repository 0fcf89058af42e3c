import EventRepeatIcon from "@mui/icons-material/EventRepeat";
import LocationOffIcon from "@mui/icons-material/LocationOff";
import PersonOffIcon from "@mui/icons-material/PersonOff";
import WrongLocationIcon from "@mui/icons-material/WrongLocation";
import type { ResourceProps } from "react-admin";
import { lazyPage } from "../common/lazyPage";

const areaList = (help?: string) =>
  lazyPage(() =>
    import("./CoverageAreaList").then((m) => {
      const Page = () => <m.CoverageAreaList help={help} />;
      return Page;
    }),
  );

/** The coverage lists (docs/coverage.md): list-only resources over the registry's coverage queries. */
export const coverageResources: Record<string, Omit<ResourceProps, "name">> = {
  countiesWithoutFacilitationOffice: {
    list: lazyPage(() => import("./CountiesWithoutOfficeList").then((m) => m.CountiesWithoutOfficeList)),
    icon: WrongLocationIcon,
  },
  areasWithoutFacilitationOffice: { list: areaList(), icon: LocationOffIcon },
  areasWithoutNgo: { list: areaList("hamafza.coverage.noNgoHelp"), icon: PersonOffIcon },
  areasDueForNeedsAssessment: { list: areaList("hamafza.coverage.dueHelp"), icon: EventRepeatIcon },
};
