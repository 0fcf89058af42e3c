import { useQuery } from "@tanstack/react-query";
import { SelectInput, useTranslate } from "react-admin";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { formatJalali } from "../common/jalali";
import { UNLINKED_SUPERVISION_RECORDS, type SupervisionRecordsAnswer } from "./supervisionOperations";

/** Shortest text of a record in the choice list. */
const SNIPPET = 60;

/** In a suspension or revocation dialog: the NGO's supervision record (not yet linked) that justifies it, optional. */
export const JustifyingRecordInput = ({ ngoId }: { ngoId: string }) => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const { data } = useQuery(
    graphqlQuery<SupervisionRecordsAnswer>(dataProvider, UNLINKED_SUPERVISION_RECORDS, { ngoId }),
  );
  const choices = (data?.supervisionRecords.items ?? []).map((record) => ({
    id: record.id,
    name: `${translate(`hamafza.enums.supervisionKind.${record.kind}`)} ${formatJalali(record.recordedOn)}: ${
      record.text.length > SNIPPET ? `${record.text.slice(0, SNIPPET)}…` : record.text
    }`,
  }));
  return (
    <SelectInput
      source="supervisionRecordId"
      label="hamafza.supervision.justifiedBy"
      helperText="hamafza.supervision.justifiedByHelp"
      choices={choices}
      translateChoice={false}
      emptyText="hamafza.supervision.noJustification"
    />
  );
};
