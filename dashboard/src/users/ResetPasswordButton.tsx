import KeyIcon from "@mui/icons-material/Key";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogContentText from "@mui/material/DialogContentText";
import DialogTitle from "@mui/material/DialogTitle";
import MuiButton from "@mui/material/Button";
import TextField from "@mui/material/TextField";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, useNotify, useRecordContext, useTranslate, type RaRecord } from "react-admin";
import { useHamafzaDataProvider } from "../common/graphqlOperations";
import { RESET_USER_PASSWORD } from "./userOperations";

interface ResetResult {
  resetUserPassword: { temporaryPassword: string | null };
}

/** Resets a user's password (ending the user's sessions); a generated one is shown once. */
export const ResetPasswordButton = () => {
  const record = useRecordContext<RaRecord>();
  const dataProvider = useHamafzaDataProvider();
  const notify = useNotify();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string>();
  const [temporaryPassword, setTemporaryPassword] = useState<string>();
  const reset = useMutation({
    mutationFn: (variables: { id: RaRecord["id"]; password: string | null }) =>
      dataProvider.graphql<ResetResult>(RESET_USER_PASSWORD, variables),
    onMutate: () => setProblem(undefined),
    onSuccess: (result) => {
      const generated = result.resetUserPassword.temporaryPassword;
      notify("hamafza.users.resetPasswordDone", { type: "success" });
      if (generated) setTemporaryPassword(generated);
      else close();
    },
    onError: (error) => setProblem(error.message),
  });

  if (!record) return null;

  const close = () => {
    setOpen(false);
    setPassword("");
    setProblem(undefined);
    setTemporaryPassword(undefined);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password && password.length < 10) {
      setProblem(translate("hamafza.users.passwordRule"));
      return;
    }
    reset.mutate({ id: record.id, password: password || null });
  };

  const copy = async () => {
    if (!temporaryPassword) return;
    await navigator.clipboard?.writeText(temporaryPassword);
    notify("hamafza.users.copied", { type: "info" });
  };

  return (
    <>
      <Button label="hamafza.users.resetPassword" onClick={() => setOpen(true)}>
        <KeyIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="xs">
        <DialogTitle>{translate("hamafza.users.resetPassword")}</DialogTitle>
        {temporaryPassword ? (
          <>
            <DialogContent>
              <DialogContentText gutterBottom>{translate("hamafza.users.temporaryPasswordOnce")}</DialogContentText>
              <Box
                component="output"
                aria-label={translate("hamafza.users.temporaryPassword")}
                dir="ltr"
                sx={{
                  display: "block",
                  fontFamily: "monospace",
                  fontSize: "1.25rem",
                  p: 1.5,
                  bgcolor: "action.hover",
                  borderRadius: 1,
                  textAlign: "center",
                }}
              >
                {temporaryPassword}
              </Box>
            </DialogContent>
            <DialogActions>
              <MuiButton onClick={copy}>{translate("hamafza.users.copy")}</MuiButton>
              <MuiButton onClick={close} variant="contained">
                {translate("hamafza.users.close")}
              </MuiButton>
            </DialogActions>
          </>
        ) : (
          <form onSubmit={submit} noValidate>
            <DialogContent>
              <DialogContentText gutterBottom>{translate("hamafza.users.resetPasswordIntro")}</DialogContentText>
              {problem && (
                <Alert severity="error" sx={{ mb: 2 }}>
                  {problem}
                </Alert>
              )}
              <TextField
                label={translate("hamafza.users.resetPasswordOptional")}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                fullWidth
                autoFocus
              />
            </DialogContent>
            <DialogActions>
              <MuiButton onClick={close}>{translate("hamafza.users.cancel")}</MuiButton>
              <MuiButton type="submit" variant="contained" disabled={reset.isPending}>
                {translate("hamafza.users.resetPasswordConfirm")}
              </MuiButton>
            </DialogActions>
          </form>
        )}
      </Dialog>
    </>
  );
};
