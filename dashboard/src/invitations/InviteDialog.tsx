import Dialog from "@mui/material/Dialog";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import Alert from "@mui/material/Alert";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import {
  AutocompleteInput,
  Form,
  FormDataConsumer,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  useTranslate,
} from "react-admin";
import { useHamafzaDataProvider } from "../common/graphqlOperations";
import { INVITE_USER, INVITED_ROLES, type InvitedRole, type IssuedInvitation } from "./invitationOperations";

const ROLE_CHOICES = (Object.keys(INVITED_ROLES) as InvitedRole[]).map((role) => ({
  id: role,
  name: `hamafza.invitations.roles.${role}`,
}));

interface InviteValues {
  username: string;
  displayName: string;
  role: InvitedRole;
  boundId: string;
  authorisationReference?: string;
}

/** The form of a new invitation: who, in which role, for which NGO, agency or manager of the official's territory. */
export const InviteDialog = ({
  open,
  onClose,
  onIssued,
}: {
  open: boolean;
  onClose: () => void;
  onIssued: (issued: IssuedInvitation) => void;
}) => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const [problem, setProblem] = useState<string>();
  const invite = useMutation({
    mutationFn: (input: InviteValues) => dataProvider.graphql<{ inviteUser: IssuedInvitation }>(INVITE_USER, { input }),
    onMutate: () => setProblem(undefined),
    onSuccess: (result) => onIssued(result.inviteUser),
    onError: (error: Error) => setProblem(error.message),
  });
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate("hamafza.invitations.invite")}</DialogTitle>
      <DialogContent>
        {problem && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {problem}
          </Alert>
        )}
        <Form
          defaultValues={{ role: "NGO_REPRESENTATIVE" }}
          onSubmit={(values: Record<string, unknown>) => invite.mutate(values as unknown as InviteValues)}
        >
          <SelectInput
            source="role"
            label="hamafza.invitations.role"
            choices={ROLE_CHOICES}
            validate={required()}
            fullWidth
          />
          <FormDataConsumer<InviteValues>>
            {({ formData }) => (
              <ReferenceInput key={formData.role} source="boundId" reference={INVITED_ROLES[formData.role] ?? "ngos"}>
                <AutocompleteInput
                  label="hamafza.invitations.boundRecord"
                  optionText="name"
                  validate={required()}
                  fullWidth
                />
              </ReferenceInput>
            )}
          </FormDataConsumer>
          <TextInput source="displayName" label="hamafza.invitations.displayName" validate={required()} fullWidth />
          <TextInput
            source="username"
            label="hamafza.invitations.username"
            validate={required()}
            fullWidth
            inputProps={{ dir: "ltr" }}
          />
          <TextInput
            source="authorisationReference"
            label="hamafza.invitations.authorisationReference"
            helperText="hamafza.invitations.authorisationHelp"
            fullWidth
          />
          <SaveButton label="hamafza.invitations.submit" alwaysEnable disabled={invite.isPending} />
        </Form>
      </DialogContent>
    </Dialog>
  );
};
