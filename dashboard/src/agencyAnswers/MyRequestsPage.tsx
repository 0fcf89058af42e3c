import {
  Button,
  Card,
  CardContent,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from "@mui/material";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Title, useNotify, useTranslate } from "react-admin";
import { graphqlQuery, useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import { DEMAND_CATEGORY_LABELS } from "../engagement/engagementEnums";
import {
  AGENCY_CHOICES_QUERY,
  MY_REQUESTS_QUERY,
  requestRows,
  type RequestKind,
  type RequestsAnswer,
  SUBMIT_DEMAND_MUTATION,
  SUBMIT_PROPOSAL_MUTATION,
} from "./agencyAnswerOperations";
import { RequestCard } from "./RequestCard";

interface Draft {
  kind: RequestKind;
  agencyId: string;
  category: string;
  title: string;
  text: string;
}
const EMPTY: Draft = { kind: "demand", agencyId: "", category: "OTHER", title: "", text: "" };

/** The submit form: a demand or a proposal of the representative's NGO to an agency of its province. */
const SubmitForm = ({ onClose }: { onClose: () => void }) => {
  const translate = useTranslate();
  const t = (key: string) => translate(`hamafza.agencyAnswers.form.${key}`);
  const notify = useNotify();
  const dataProvider = useHamafzaDataProvider();
  const invalidate = useInvalidateOperations();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const agencies = useQuery(
    graphqlQuery<{ agencies: { items: { id: string; name: string }[] } }>(dataProvider, AGENCY_CHOICES_QUERY),
  );
  const { mutate, isPending } = useMutation({
    mutationFn: () =>
      draft.kind === "demand"
        ? dataProvider.graphql(SUBMIT_DEMAND_MUTATION, {
            input: {
              agencyId: draft.agencyId,
              category: draft.category,
              title: draft.title,
              description: draft.text || null,
            },
          })
        : dataProvider.graphql(SUBMIT_PROPOSAL_MUTATION, {
            input: { agencyId: draft.agencyId || null, topic: draft.title, summary: draft.text || null },
          }),
    onSuccess: async () => {
      notify("hamafza.agencyAnswers.myRequests.submitted", { type: "success" });
      await invalidate(MY_REQUESTS_QUERY);
      onClose();
    },
    onError: (failure: Error) => notify(failure.message, { type: "error" }),
  });
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Stack spacing={2}>
          <ToggleButtonGroup
            exclusive
            fullWidth
            size="small"
            value={draft.kind}
            onChange={(_event, kind: RequestKind | null) => kind && set({ kind })}
            aria-label={t("kind")}
          >
            <ToggleButton value="demand">{t("demand")}</ToggleButton>
            <ToggleButton value="proposal">{t("proposal")}</ToggleButton>
          </ToggleButtonGroup>
          <TextField
            select
            fullWidth
            label={t("agency")}
            value={draft.agencyId}
            onChange={(event) => set({ agencyId: event.target.value })}
            SelectProps={{ MenuProps: { PaperProps: { sx: { maxWidth: "calc(100vw - 32px)" } } } }}
          >
            {(agencies.data?.agencies.items ?? []).map((agency) => (
              <MenuItem key={agency.id} value={agency.id} sx={{ whiteSpace: "normal" }}>
                {agency.name}
              </MenuItem>
            ))}
          </TextField>
          {draft.kind === "demand" && (
            <TextField
              select
              fullWidth
              label={t("category")}
              value={draft.category}
              onChange={(event) => set({ category: event.target.value })}
            >
              {Object.entries(DEMAND_CATEGORY_LABELS).map(([value, label]) => (
                <MenuItem key={value} value={value}>
                  {label}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField
            fullWidth
            label={t(draft.kind === "demand" ? "title" : "topic")}
            value={draft.title}
            onChange={(event) => set({ title: event.target.value })}
          />
          <TextField
            fullWidth
            multiline
            minRows={3}
            label={t(draft.kind === "demand" ? "description" : "summary")}
            value={draft.text}
            onChange={(event) => set({ text: event.target.value })}
          />
          <Stack direction="row" spacing={1}>
            <Button variant="contained" disabled={isPending} onClick={() => mutate()}>
              {t("submit")}
            </Button>
            <Button onClick={onClose}>{t("cancel")}</Button>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The NGO representative's demands and proposals (mobile-first): submit one, follow its status, read the answer. */
export const MyRequestsPage = () => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const [open, setOpen] = useState(false);
  const { data, error, isPending } = useQuery(graphqlQuery<RequestsAnswer>(dataProvider, MY_REQUESTS_QUERY));
  const rows = requestRows(data);
  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 }, maxWidth: 720 }}>
      <Title title={translate("hamafza.agencyAnswers.myRequests.title")} />
      <Stack direction="row" justifyContent="space-between" alignItems="center" spacing={1}>
        <Typography variant="h6">{translate("hamafza.agencyAnswers.myRequests.title")}</Typography>
        {!open && (
          <Button variant="contained" onClick={() => setOpen(true)}>
            {translate("hamafza.agencyAnswers.myRequests.newDemand")}
          </Button>
        )}
      </Stack>
      {open && <SubmitForm onClose={() => setOpen(false)} />}
      {error && <Typography color="error">{error.message}</Typography>}
      {!isPending && !error && rows.length === 0 && (
        <Typography>{translate("hamafza.agencyAnswers.myRequests.empty")}</Typography>
      )}
      {rows.map((row) => (
        <RequestCard key={`${row.kind}:${row.id}`} row={row} />
      ))}
    </Stack>
  );
};
