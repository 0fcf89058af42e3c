import { Create, PasswordInput, required, SimpleForm, TextInput } from "react-admin";
import { TerritoryInputs } from "./TerritoryInputs";
import { RoleInput } from "./userEnums";
import { withRoleTerritory } from "./userTerritory";
import { parseUsername, validateDisplayName, validatePassword, validateUsername } from "./userValidation";

export const UserCreate = () => (
  <Create redirect="list" transform={withRoleTerritory}>
    <SimpleForm defaultValues={{ role: "COUNTY_OFFICER" }}>
      <TextInput source="username" validate={validateUsername} parse={parseUsername} autoComplete="off" />
      <TextInput source="displayName" validate={validateDisplayName} />
      <RoleInput source="role" validate={required()} />
      <TerritoryInputs />
      <PasswordInput
        source="password"
        validate={validatePassword}
        autoComplete="new-password"
        helperText="hamafza.users.passwordHelp"
      />
    </SimpleForm>
  </Create>
);
