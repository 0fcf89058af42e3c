import Box from "@mui/material/Box";
import MuiButton from "@mui/material/Button";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import { useNotify, useTranslate } from "react-admin";
import { formatJalali } from "../common/jalali";
import type { IssuedInvitation } from "./invitationOperations";

/** Shows a new invitation's code and address once, to pass on privately. */
export const IssuedDialog = ({ issued, onClose }: { issued?: IssuedInvitation; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const address = issued ? `${window.location.origin}${issued.link}` : "";
  const copy = async (text: string) => {
    await navigator.clipboard?.writeText(text);
    notify("hamafza.invitations.copied", { type: "info" });
  };
  return (
    <Dialog open={!!issued} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{issued?.user.username}</DialogTitle>
      <DialogContent>
        <DialogContentText gutterBottom>
          {translate("hamafza.invitations.codeOnce", {
            expires: formatJalali(issued?.invitation.expiresAt, { showTime: true }),
          })}
        </DialogContentText>
        {[
          ["hamafza.invitations.code", issued?.code ?? ""],
          ["hamafza.invitations.link", address],
        ].map(([label, value]) => (
          <Box key={label} sx={{ mt: 2 }}>
            <DialogContentText>{translate(label)}</DialogContentText>
            <Box
              component="output"
              dir="ltr"
              data-testid={label}
              sx={{ display: "block", fontFamily: "monospace", wordBreak: "break-all", p: 1, bgcolor: "action.hover" }}
            >
              {value}
            </Box>
            <MuiButton size="small" onClick={() => copy(value)}>
              {translate("hamafza.invitations.copy")}
            </MuiButton>
          </Box>
        ))}
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate("hamafza.invitations.close")}</MuiButton>
      </DialogActions>
    </Dialog>
  );
};
