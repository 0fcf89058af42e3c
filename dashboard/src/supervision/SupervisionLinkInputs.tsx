import { useQuery } from "@tanstack/react-query";
import { SelectInput, useTranslate } from "react-admin";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { formatJalali } from "../common/jalali";
import { toPersianDigits } from "../common/persianDigits";
import { SUPERVISION_LINK_CHOICES, type SupervisionLinkChoicesAnswer } from "./supervisionOperations";

/** The licence actions a supervision record may justify (as the API checks: `supervisionRules.ts`). */
const JUSTIFIABLE = new Set(["SUSPEND", "REVOKE"]);

/**
 * In the add dialog: the NGO's annual activity report the record follows from, and a suspension or revocation
 * already recorded (not yet justified) that it justifies — both optional, both of the same NGO.
 */
export const SupervisionLinkInputs = ({ ngoId }: { ngoId: string }) => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const { data } = useQuery(
    graphqlQuery<SupervisionLinkChoicesAnswer>(dataProvider, SUPERVISION_LINK_CHOICES, { ngoId }),
  );
  const reports = (data?.ngoActivityReports.items ?? []).map((report) => ({
    id: report.id,
    name: translate("hamafza.supervision.reportChoice", {
      year: toPersianDigits(report.year),
      status: translate(`hamafza.enums.activityReportStatus.${report.status}`),
    }),
  }));
  const actions = (data?.ngo?.licences ?? []).flatMap((licence) =>
    licence.history
      .filter((event) => JUSTIFIABLE.has(event.action) && !event.supervisionRecordId)
      .map((event) => ({
        id: event.id,
        name: translate("hamafza.supervision.actionChoice", {
          action: translate(`hamafza.enums.licenceAction.${event.action}`),
          number: toPersianDigits(licence.number),
          date: formatJalali(event.effectiveOn),
        }),
      })),
  );
  return (
    <>
      <SelectInput
        source="activityReportId"
        label="hamafza.supervision.followsReportInput"
        choices={reports}
        translateChoice={false}
        emptyText="hamafza.supervision.noReport"
        disabled={reports.length === 0}
      />
      <SelectInput
        source="licenceEventId"
        label="hamafza.supervision.justifiesAction"
        helperText="hamafza.supervision.justifiesActionHelp"
        choices={actions}
        translateChoice={false}
        emptyText="hamafza.supervision.noAction"
        disabled={actions.length === 0}
      />
    </>
  );
};
