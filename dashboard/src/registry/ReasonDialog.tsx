import Alert from "@mui/material/Alert";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import MuiButton from "@mui/material/Button";
import TextField from "@mui/material/TextField";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslate } from "react-admin";

/** A dialog asking for the reason of a decision (dismiss, merge, undo), with the server's refusal shown in it. */
export const ReasonDialog = ({
  open,
  title,
  intro,
  confirm,
  pending,
  problem,
  children,
  onClose,
  onConfirm,
}: {
  open: boolean;
  title: string;
  intro: string;
  confirm: string;
  pending: boolean;
  problem?: string;
  children?: ReactNode;
  onClose: () => void;
  onConfirm: (reason: string) => void;
}) => {
  const translate = useTranslate();
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(reason);
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle>{translate(title)}</DialogTitle>
        <DialogContent>
          <DialogContentText gutterBottom>{translate(intro)}</DialogContentText>
          {problem && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {problem}
            </Alert>
          )}
          {children}
          <TextField
            label={translate("hamafza.duplicates.reason")}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            fullWidth
            multiline
            minRows={2}
            autoFocus
            required
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={onClose}>{translate("hamafza.duplicates.cancel")}</MuiButton>
          <MuiButton type="submit" variant="contained" disabled={pending || reason.trim().length < 3}>
            {translate(confirm)}
          </MuiButton>
        </DialogActions>
      </form>
    </Dialog>
  );
};
