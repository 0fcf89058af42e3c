import { SelectInput } from "react-admin";
import { jalaliYearChoices, QUARTER_LABELS } from "./periods";

const QUARTER_CHOICES = Object.entries(QUARTER_LABELS).map(([id, name]) => ({ id: Number(id), name }));

/** Jalali year and quarter filter inputs (`jalaliYear`, `jalaliQuarter`). */
export const jalaliPeriodFilters = (alwaysOn = true) => [
  <SelectInput
    key="jalaliYear"
    source="jalaliYear"
    choices={jalaliYearChoices()}
    translateChoice={false}
    alwaysOn={alwaysOn}
  />,
  <SelectInput
    key="jalaliQuarter"
    source="jalaliQuarter"
    choices={QUARTER_CHOICES}
    translateChoice={false}
    alwaysOn={alwaysOn}
  />,
];
