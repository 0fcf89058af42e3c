import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Tab,
  Tabs,
  TextField,
  Typography,
} from "@mui/material";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Title, useNotify, useTranslate } from "react-admin";
import { graphqlQuery, useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import {
  RESPOND_TO_DEMAND_MUTATION,
  RESPOND_TO_PROPOSAL_MUTATION,
  RESPONDENT_INBOX_QUERY,
  requestRows,
  type RequestRow,
  type RequestsAnswer,
  type RespondentStep,
} from "./agencyAnswerOperations";
import { RequestCard } from "./RequestCard";

const NOTE_LABEL: Record<RespondentStep, string> = {
  UNDER_REVIEW: "noteLabel",
  ACCEPTED: "answerLabel",
  REJECTED: "reasonLabel",
};
const BUTTON_LABEL: Record<RespondentStep, string> = { UNDER_REVIEW: "review", ACCEPTED: "accept", REJECTED: "reject" };

/**
 * The agency respondent's inbox: the demands and proposals addressed to the agency, waiting ones first with the
 * overdue on top; mark under review, accept with the answer or reject with the reason (each a dated step).
 */
export const RespondentInboxPage = () => {
  const translate = useTranslate();
  const t = (key: string) => translate(`hamafza.agencyAnswers.inbox.${key}`);
  const notify = useNotify();
  const dataProvider = useHamafzaDataProvider();
  const invalidate = useInvalidateOperations();
  const [answered, setAnswered] = useState(false);
  const [step, setStep] = useState<{ row: RequestRow; step: RespondentStep } | null>(null);
  const [note, setNote] = useState("");
  const { data, error, isPending } = useQuery(
    graphqlQuery<RequestsAnswer>(dataProvider, RESPONDENT_INBOX_QUERY, { answered }),
  );
  const rows = requestRows(data, true);
  const { mutate, isPending: saving } = useMutation({
    mutationFn: ({ row, step: chosen }: { row: RequestRow; step: RespondentStep }) =>
      dataProvider.graphql(row.kind === "demand" ? RESPOND_TO_DEMAND_MUTATION : RESPOND_TO_PROPOSAL_MUTATION, {
        id: row.id,
        input: { step: chosen, note: note.trim() || null },
        expectedVersion: row.version,
      }),
    onSuccess: async () => {
      notify("hamafza.agencyAnswers.inbox.done", { type: "success" });
      setStep(null);
      setNote("");
      await invalidate(RESPONDENT_INBOX_QUERY);
    },
    onError: (failure: Error) => notify(failure.message, { type: "error" }),
  });
  const open = (row: RequestRow, chosen: RespondentStep) => {
    setNote("");
    setStep({ row, step: chosen });
  };
  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 }, maxWidth: 820 }}>
      <Title title={t("title")} />
      <Typography variant="h6">{t("title")}</Typography>
      <Tabs value={answered ? 1 : 0} onChange={(_event, index: number) => setAnswered(index === 1)} variant="fullWidth">
        <Tab label={t("waiting")} />
        <Tab label={t("answered")} />
      </Tabs>
      {error && <Typography color="error">{error.message}</Typography>}
      {!isPending && !error && rows.length === 0 && <Typography>{t("empty")}</Typography>}
      {rows.map((row) => (
        <RequestCard
          key={`${row.kind}:${row.id}`}
          row={row}
          actions={
            row.respondedOn ? undefined : (
              <>
                {(["UNDER_REVIEW", "ACCEPTED", "REJECTED"] as const)
                  .filter((chosen) => chosen !== "UNDER_REVIEW" || row.status !== "UNDER_REVIEW")
                  .map((chosen) => (
                    <Button
                      key={chosen}
                      size="small"
                      variant={chosen === "ACCEPTED" ? "contained" : "outlined"}
                      color={chosen === "REJECTED" ? "error" : "primary"}
                      onClick={() => open(row, chosen)}
                    >
                      {t(BUTTON_LABEL[chosen])}
                    </Button>
                  ))}
              </>
            )
          }
        />
      ))}
      <Dialog open={step !== null} onClose={() => setStep(null)} fullWidth maxWidth="sm">
        <DialogTitle>{step ? t(BUTTON_LABEL[step.step]) : ""}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2, overflowWrap: "anywhere" }}>
            {step?.row.title}
          </Typography>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            label={step ? t(NOTE_LABEL[step.step]) : ""}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setStep(null)}>{t("cancel")}</Button>
          <Button variant="contained" disabled={saving} onClick={() => step && mutate(step)}>
            {t("confirm")}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};
