import { useEffect, useState } from "react";
import Button from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import { useRefresh, useTranslate } from "react-admin";
import { onEditConflict, type EditConflict } from "../dataProvider/concurrency";
import { formatJalali } from "./jalali";

/**
 * Shown when saving a form is refused because someone else changed the record meanwhile (CONFLICT on a stale
 * version): who and when, and a button that reloads the record (the user's unsaved edits are dropped).
 */
export const ConflictDialog = () => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  useEffect(() => onEditConflict(setConflict), []);
  if (!conflict) return null;
  const user = conflict.updatedBy ?? translate("hamafza.conflict.someone");
  const when = formatJalali(conflict.updatedAt, { showTime: true });
  return (
    <Dialog open onClose={() => setConflict(null)} aria-labelledby="conflict-title">
      <DialogTitle id="conflict-title">{translate("hamafza.conflict.title")}</DialogTitle>
      <DialogContent>
        <DialogContentText>{translate("hamafza.conflict.message", { user, when })}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setConflict(null)}>{translate("hamafza.conflict.keep")}</Button>
        <Button
          variant="contained"
          onClick={() => {
            setConflict(null);
            refresh();
          }}
        >
          {translate("hamafza.conflict.reload")}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
