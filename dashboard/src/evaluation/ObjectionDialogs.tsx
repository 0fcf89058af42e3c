import FeedbackIcon from "@mui/icons-material/Feedback";
import GavelIcon from "@mui/icons-material/Gavel";
import { NumberInput, RadioButtonGroupInput, SelectInput, TextInput, useTranslate } from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import { RESULT } from "./evaluationOperations";
import { FILE_OBJECTION, MY_EVALUATION, OBJECTIONS, RESOLVE_OBJECTION } from "./objectionOperations";
import {
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_RECORD_KIND_LABELS,
  OBJECTION_STATUS_LABELS,
  objectionProblems,
  resolutionProblems,
  resolutionVariables,
  type Objection,
} from "./objections";

const choices = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([id, name]) => ({ id, name }));

/** A manager's objection to one indicator of their current result (while the cycle is under review). */
export const FileObjectionButton = ({
  resultId,
  indicatorCode,
  indicatorTitle,
}: {
  resultId: string;
  indicatorCode: string;
  indicatorTitle: string;
}) => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const invalidate = useInvalidateOperations();
  return (
    <ActionDialogButton
      label="hamafza.evaluation.object"
      icon={<FeedbackIcon />}
      title={translate("hamafza.evaluation.objectTitle", { indicator: indicatorTitle })}
      intro="hamafza.evaluation.objectIntro"
      onSubmit={async (values) => {
        const problems = objectionProblems(values);
        if (problems) throw new Error(Object.values(problems).join(" "));
        return dataProvider.graphql(FILE_OBJECTION, {
          resultId,
          indicatorCode,
          text: String(values.text).trim(),
          missingRecordKind: values.missingRecordKind || null,
          missingRecordId: values.missingRecordId ? String(values.missingRecordId).trim() : null,
        });
      }}
      onDone={() => invalidate(OBJECTIONS, MY_EVALUATION)}
    >
      <TextInput source="text" label="hamafza.evaluation.objectionText" multiline minRows={3} fullWidth />
      <SelectInput
        source="missingRecordKind"
        label="hamafza.evaluation.missingRecordKind"
        choices={choices(OBJECTION_RECORD_KIND_LABELS)}
        emptyText="—"
        fullWidth
      />
      <TextInput source="missingRecordId" label="hamafza.evaluation.missingRecordId" fullWidth dir="ltr" />
    </ActionDialogButton>
  );
};

/** An evaluator's answer to an open objection: rejected with a reason, or accepted (recompute or adjustment). */
export const ResolveObjectionButton = ({ objection }: { objection: Objection }) => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const invalidate = useInvalidateOperations();
  const { OPEN: _open, ...decisions } = OBJECTION_STATUS_LABELS;
  return (
    <ActionDialogButton
      label="hamafza.evaluation.resolve"
      icon={<GavelIcon />}
      title={translate("hamafza.evaluation.resolveTitle", { manager: objection.managerName })}
      intro="hamafza.evaluation.resolveIntro"
      defaultValues={{ decision: "REJECTED" }}
      onSubmit={async (values) => {
        const problems = resolutionProblems(values);
        if (problems) throw new Error(Object.values(problems).join(" "));
        return dataProvider.graphql(RESOLVE_OBJECTION, resolutionVariables(objection.id, values));
      }}
      onDone={() => invalidate(OBJECTIONS, RESULT)}
    >
      <RadioButtonGroupInput source="decision" label="hamafza.evaluation.decision" choices={choices(decisions)} />
      <SelectInput
        source="outcome"
        label="hamafza.evaluation.outcome"
        choices={choices(OBJECTION_OUTCOME_LABELS)}
        emptyText="—"
        fullWidth
      />
      <NumberInput source="points" label="hamafza.evaluation.adjustPoints" min={-10} max={10} step={0.5} />
      <TextInput source="note" label="hamafza.evaluation.resolutionNote" multiline minRows={3} fullWidth />
    </ActionDialogButton>
  );
};
