import FormControlLabel from "@mui/material/FormControlLabel";
import MuiButton from "@mui/material/Button";
import Radio from "@mui/material/Radio";
import RadioGroup from "@mui/material/RadioGroup";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useNotify, useTranslate } from "react-admin";
import { useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import { ReasonDialog } from "./ReasonDialog";
import { DISMISS_NGO_DUPLICATE, DUPLICATE_NGO_CANDIDATES, MERGE_NGOS, NGO_MERGES } from "./registryOperations";

interface Side {
  id: string;
  name: string;
}

/** «Not a duplicate» and «Merge» for one candidate pair (docs/merging.md). */
export const DuplicatePairActions = ({ first, second }: { first: Side; second: Side }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useHamafzaDataProvider();
  const invalidate = useInvalidateOperations();
  const [mode, setMode] = useState<"dismiss" | "merge" | null>(null);
  const [survivorId, setSurvivorId] = useState(first.id);
  const [problem, setProblem] = useState<string>();
  const close = () => {
    setMode(null);
    setProblem(undefined);
  };
  const done = async (message: string, type: "success" | "warning" = "success") => {
    notify(message, { type });
    close();
    await invalidate(DUPLICATE_NGO_CANDIDATES, NGO_MERGES);
  };
  const dismiss = useMutation({
    mutationFn: (reason: string) =>
      dataProvider.graphql(DISMISS_NGO_DUPLICATE, { firstId: first.id, secondId: second.id, reason }),
    onSuccess: () => done("hamafza.duplicates.dismissed"),
    onError: (error) => setProblem(error.message),
  });
  const merge = useMutation({
    mutationFn: (reason: string) =>
      dataProvider.graphql<{ mergeNgos: { engagementSynced: boolean } }>(MERGE_NGOS, {
        survivorId,
        mergedId: survivorId === first.id ? second.id : first.id,
        reason,
      }),
    // The engagement service down: the merge stands, and the registry's job tells engagement when it is back.
    onSuccess: ({ mergeNgos }) =>
      mergeNgos.engagementSynced
        ? done("hamafza.duplicates.merged")
        : done("hamafza.duplicates.mergedLater", "warning"),
    onError: (error) => setProblem(error.message),
  });
  return (
    <Stack direction="row" spacing={1}>
      <MuiButton size="small" onClick={() => setMode("dismiss")}>
        {translate("hamafza.duplicates.dismiss")}
      </MuiButton>
      <MuiButton size="small" variant="outlined" onClick={() => setMode("merge")}>
        {translate("hamafza.duplicates.merge")}
      </MuiButton>
      <ReasonDialog
        open={mode === "dismiss"}
        title="hamafza.duplicates.dismissTitle"
        intro="hamafza.duplicates.dismissIntro"
        confirm="hamafza.duplicates.dismiss"
        pending={dismiss.isPending}
        problem={problem}
        onClose={close}
        onConfirm={(reason) => dismiss.mutate(reason)}
      />
      <ReasonDialog
        open={mode === "merge"}
        title="hamafza.duplicates.mergeTitle"
        intro="hamafza.duplicates.mergeIntro"
        confirm="hamafza.duplicates.merge"
        pending={merge.isPending}
        problem={problem}
        onClose={close}
        onConfirm={(reason) => merge.mutate(reason)}
      >
        <Typography variant="subtitle2">{translate("hamafza.duplicates.survivor")}</Typography>
        <RadioGroup value={survivorId} onChange={(event) => setSurvivorId(event.target.value)} sx={{ mb: 2 }}>
          {[first, second].map((side) => (
            <FormControlLabel key={side.id} value={side.id} control={<Radio />} label={side.name} />
          ))}
        </RadioGroup>
      </ReasonDialog>
    </Stack>
  );
};
