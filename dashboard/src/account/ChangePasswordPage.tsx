import Card from "@mui/material/Card";
import Typography from "@mui/material/Typography";
import {
  HttpError,
  PasswordInput,
  required,
  SaveButton,
  SimpleForm,
  Title,
  Toolbar,
  useNotify,
  useRedirect,
  useTranslate,
  type Validator,
} from "react-admin";
import { useGraphQL } from "../common/graphqlOperations";
import { validatePassword } from "../users/userValidation";
import { CHANGE_MY_PASSWORD } from "./accountOperations";

export { CHANGE_PASSWORD_PATH } from "./paths";

interface PasswordValues {
  currentPassword?: string;
  newPassword?: string;
  confirmPassword?: string;
}

const sameAsNew: Validator = (value, values: PasswordValues) =>
  value && value !== values.newPassword ? "hamafza.account.passwordsDiffer" : undefined;

/** «تغییر گذرواژه»: the signed-in user changes their own password (their other sessions end). */
export const ChangePasswordPage = () => {
  const graphql = useGraphQL();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();

  const submit = async (values: PasswordValues) => {
    try {
      await graphql(CHANGE_MY_PASSWORD, {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
    } catch (error) {
      // Field problems (wrong current password, weak new one) show under their inputs.
      if (error instanceof HttpError && error.body?.errors) return error.body.errors as Record<string, string>;
      notify(error instanceof Error ? error.message : String(error), { type: "error" });
      return undefined;
    }
    notify("hamafza.account.passwordChanged", { type: "success" });
    redirect("/");
    return undefined;
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 560 }}>
      <Title title="hamafza.account.changePassword" />
      <SimpleForm
        onSubmit={(values: Record<string, unknown>) => submit(values as PasswordValues)}
        toolbar={
          <Toolbar>
            <SaveButton label="hamafza.account.changePassword" />
          </Toolbar>
        }
      >
        <Typography variant="body2" color="text.secondary">
          {translate("hamafza.account.hint")}
        </Typography>
        <PasswordInput
          source="currentPassword"
          label="hamafza.account.currentPassword"
          autoComplete="current-password"
          validate={required()}
        />
        <PasswordInput
          source="newPassword"
          label="hamafza.account.newPassword"
          autoComplete="new-password"
          validate={validatePassword}
        />
        <PasswordInput
          source="confirmPassword"
          label="hamafza.account.confirmPassword"
          autoComplete="new-password"
          validate={[required(), sameAsNew]}
        />
      </SimpleForm>
    </Card>
  );
};
