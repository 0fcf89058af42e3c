import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import CardContent from "@mui/material/CardContent";
import CircularProgress from "@mui/material/CircularProgress";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import { Form, Login, PasswordInput, required, TextInput, useLogin, useTranslate } from "react-admin";
import { LOGIN_FAILED_MESSAGE } from "./authProvider";

interface Credentials {
  username?: string;
  password?: string;
}

/** The Persian sign-in form; the server's message (wrong password, locked, …) is shown above the fields. */
const LoginForm = () => {
  const login = useLogin();
  const translate = useTranslate();
  const [problem, setProblem] = useState<string>();
  const [pending, setPending] = useState(false);

  const submit = async (values: Credentials) => {
    setPending(true);
    setProblem(undefined);
    try {
      await login({ username: values.username ?? "", password: values.password ?? "" });
    } catch (error) {
      setProblem(error instanceof Error && error.message ? error.message : LOGIN_FAILED_MESSAGE);
      setPending(false);
    }
  };

  return (
    <Form onSubmit={(values: Record<string, unknown>) => submit(values as Credentials)} noValidate>
      <CardContent sx={{ width: 340, maxWidth: "100%" }}>
        <Typography component="h1" variant="h5" align="center" gutterBottom>
          {translate("hamafza.title")}
        </Typography>
        <Typography component="h2" variant="subtitle1" align="center" color="text.secondary" gutterBottom>
          {translate("hamafza.auth.heading")}
        </Typography>
        {problem && (
          <Alert severity="error" role="alert" sx={{ my: 1 }}>
            {problem}
          </Alert>
        )}
        <TextInput
          source="username"
          label="hamafza.auth.username"
          autoComplete="username"
          validate={required()}
          autoFocus
          fullWidth
        />
        <PasswordInput
          source="password"
          label="hamafza.auth.password"
          autoComplete="current-password"
          validate={required()}
          fullWidth
        />
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={pending}
          fullWidth
          sx={{ mt: 1 }}
          startIcon={pending ? <CircularProgress size={18} color="inherit" /> : undefined}
        >
          {translate(pending ? "hamafza.auth.signingIn" : "hamafza.auth.signIn")}
        </Button>
      </CardContent>
    </Form>
  );
};

export const LoginPage = () => (
  <Login>
    <LoginForm />
  </Login>
);
