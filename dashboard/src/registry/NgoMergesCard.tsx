import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import MuiButton from "@mui/material/Button";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LinkBase, useNotify, usePermissions, useTranslate } from "react-admin";
import type { Role } from "../auth/roles";
import { formatJalali } from "../common/jalali";
import { graphqlQuery, useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import { ReasonDialog } from "./ReasonDialog";
import { DUPLICATE_NGO_CANDIDATES, NGO_MERGES, UNDO_NGO_MERGE } from "./registryOperations";

interface Merge {
  id: string;
  mergedId: string;
  mergedName: string;
  survivorId: string;
  survivorName: string;
  reason: string;
  mergedAt: string;
  mergedBy: string | null;
}

/** The merges in effect in the user's territory; administrators can undo one (docs/merging.md). */
export const NgoMergesCard = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions } = usePermissions<Role | undefined>();
  const dataProvider = useHamafzaDataProvider();
  const invalidate = useInvalidateOperations();
  const { data } = useQuery(graphqlQuery<{ ngoMerges: Merge[] }>(dataProvider, NGO_MERGES, { limit: 100 }));
  const [undoing, setUndoing] = useState<Merge | null>(null);
  const [problem, setProblem] = useState<string>();
  const close = () => {
    setUndoing(null);
    setProblem(undefined);
  };
  const undo = useMutation({
    mutationFn: (reason: string) =>
      dataProvider.graphql<{ undoNgoMerge: { engagementSynced: boolean } }>(UNDO_NGO_MERGE, {
        id: undoing?.id,
        reason,
      }),
    onSuccess: async ({ undoNgoMerge }) => {
      if (undoNgoMerge.engagementSynced) notify("hamafza.duplicates.undone", { type: "success" });
      else notify("hamafza.duplicates.undoneLater", { type: "warning" });
      close();
      await invalidate(NGO_MERGES, DUPLICATE_NGO_CANDIDATES);
    },
    onError: (error) => setProblem(error.message),
  });
  const merges = data?.ngoMerges ?? [];
  if (merges.length === 0) return null;
  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate("hamafza.duplicates.mergesTitle")}
        </Typography>
      </CardContent>
      <Table size="small" aria-label={translate("hamafza.duplicates.mergesTitle")} data-testid="ngo-merges">
        <TableHead>
          <TableRow>
            <TableCell>{translate("hamafza.duplicates.mergedNgo")}</TableCell>
            <TableCell>{translate("hamafza.duplicates.survivor")}</TableCell>
            <TableCell>{translate("hamafza.duplicates.reason")}</TableCell>
            <TableCell>{translate("hamafza.duplicates.mergedAt")}</TableCell>
            {permissions === "ADMIN" && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {merges.map((merge) => (
            <TableRow key={merge.id}>
              <TableCell>{merge.mergedName}</TableCell>
              <TableCell>
                <LinkBase to={`/ngos/${merge.survivorId}/show`}>{merge.survivorName}</LinkBase>
              </TableCell>
              <TableCell>{merge.reason}</TableCell>
              <TableCell>
                {formatJalali(merge.mergedAt, { showTime: true })} {merge.mergedBy ? `— ${merge.mergedBy}` : ""}
              </TableCell>
              {permissions === "ADMIN" && (
                <TableCell>
                  <MuiButton size="small" color="warning" onClick={() => setUndoing(merge)}>
                    {translate("hamafza.duplicates.undo")}
                  </MuiButton>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ReasonDialog
        open={undoing !== null}
        title="hamafza.duplicates.undoTitle"
        intro="hamafza.duplicates.undoIntro"
        confirm="hamafza.duplicates.undo"
        pending={undo.isPending}
        problem={problem}
        onClose={close}
        onConfirm={(reason) => undo.mutate(reason)}
      />
    </Card>
  );
};
