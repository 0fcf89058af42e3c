import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslate } from "react-admin";
import { acceptInvitation, codeFromLocation, invitationInfo } from "./acceptInvitation";

/** Where an invitee (NGO representative, agency respondent, manager) sets their password with the one-time code. */
export const AcceptInvitationPage = () => {
  const translate = useTranslate();
  const code = codeFromLocation(window.location.hash);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [problem, setProblem] = useState<string>();
  const info = useQuery({ queryKey: ["invitation", code], queryFn: () => invitationInfo(code), retry: false });
  const accept = useMutation({
    mutationFn: () => acceptInvitation(code, password),
    onMutate: () => setProblem(undefined),
    onError: (error: Error) => setProblem(error.message),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < 10) return setProblem(translate("hamafza.users.passwordRule"));
    if (password !== confirm) return setProblem(translate("hamafza.account.passwordsDiffer"));
    accept.mutate();
  };
  return (
    <Stack alignItems="center" sx={{ p: 2 }}>
      <Card sx={{ width: "100%", maxWidth: 420 }}>
        <CardContent>
          <Typography variant="h6" gutterBottom>
            {translate("hamafza.invitations.acceptTitle")}
          </Typography>
          {info.error && <Alert severity="error">{info.error.message}</Alert>}
          {accept.isSuccess && (
            <Alert severity="success">
              {translate("hamafza.invitations.accepted", { username: accept.data.user.username })}
            </Alert>
          )}
          {info.data && !accept.isSuccess && (
            <form onSubmit={submit}>
              <Typography gutterBottom>
                {translate("hamafza.invitations.greeting", {
                  name: info.data.displayName,
                  username: info.data.username,
                  role: translate(`hamafza.invitations.roles.${info.data.role}`),
                })}
              </Typography>
              {problem && (
                <Alert severity="error" sx={{ my: 1 }}>
                  {problem}
                </Alert>
              )}
              <TextField
                type="password"
                label={translate("hamafza.invitations.password")}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                fullWidth
                margin="normal"
                autoComplete="new-password"
              />
              <TextField
                type="password"
                label={translate("hamafza.invitations.confirmPassword")}
                value={confirm}
                onChange={(event) => setConfirm(event.target.value)}
                fullWidth
                margin="normal"
                autoComplete="new-password"
              />
              <Button type="submit" variant="contained" fullWidth disabled={accept.isPending} sx={{ mt: 2 }}>
                {translate("hamafza.invitations.setPassword")}
              </Button>
            </form>
          )}
        </CardContent>
      </Card>
    </Stack>
  );
};
