import {
  BooleanInput,
  Edit,
  Labeled,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
  required,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { ResetPasswordButton } from "./ResetPasswordButton";
import { TerritoryInputs } from "./TerritoryInputs";
import { RoleInput } from "./userEnums";
import { withRoleTerritory } from "./userTerritory";
import { validateDisplayName } from "./userValidation";

const UserEditActions = () => (
  <TopToolbar>
    <ResetPasswordButton />
  </TopToolbar>
);

// Users are disabled, never deleted: the toolbar has no delete button.
const UserEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" transform={withRoleTerritory} actions={<UserEditActions />}>
    <SimpleForm toolbar={<UserEditToolbar />}>
      <TextInput source="username" readOnly />
      <TextInput source="displayName" validate={validateDisplayName} />
      <RoleInput source="role" validate={required()} helperText="hamafza.users.accessChangeHelp" />
      <TerritoryInputs />
      <BooleanInput source="disabled" helperText="hamafza.users.disabledHelp" />
      <Labeled>
        <JalaliDateField source="lastLoginAt" showTime emptyText="—" />
      </Labeled>
      <Labeled>
        <JalaliDateField source="createdAt" showTime />
      </Labeled>
    </SimpleForm>
  </Edit>
);
