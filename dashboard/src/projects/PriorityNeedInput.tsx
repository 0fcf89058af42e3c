import { useQuery } from "@tanstack/react-query";
import { useWatch } from "react-hook-form";
import { SelectInput, useTranslate } from "react-admin";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { formatJalali } from "../common/jalali";
import { priorityNeedChoices } from "./priorityNeedChoices";
import { AREA_PRIORITY_NEEDS, type AreaPriorityNeeds } from "./projectOperations";

/**
 * `priorityNeedId`: the priority need of a needs assessment the project answers, chosen among the needs found in
 * the project's area (latest assessment first; the list follows the chosen area).
 */
export const PriorityNeedInput = () => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const areaId = useWatch({ name: "areaId" }) as string | null | undefined;
  const { data, isPending } = useQuery({
    ...graphqlQuery<AreaPriorityNeeds>(dataProvider, AREA_PRIORITY_NEEDS, { areaId }),
    enabled: Boolean(areaId),
  });
  const choices = priorityNeedChoices(data, translate, (value) => formatJalali(value));
  return (
    <SelectInput
      source="priorityNeedId"
      choices={choices}
      emptyText="hamafza.projects.noPriorityNeed"
      isPending={Boolean(areaId) && isPending}
      helperText={areaId ? "hamafza.projects.priorityNeedHelp" : "hamafza.projects.priorityNeedNeedsArea"}
      disabled={!areaId}
      sx={{ minWidth: 320 }}
    />
  );
};
