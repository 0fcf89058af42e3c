import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardContent from "@mui/material/CardContent";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Title, useNotify, usePermissions, useTranslate } from "react-admin";
import { canRoleAccess } from "../auth/access";
import type { Role } from "../auth/roles";
import { graphqlQuery, useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import { formatJalali } from "../common/jalali";
import {
  DISABLE_INVITED_USER,
  INVITED_USERS,
  REINVITE_USER,
  type InvitedUser,
  type IssuedInvitation,
} from "./invitationOperations";
import { InviteDialog } from "./InviteDialog";
import { IssuedDialog } from "./IssuedDialog";

/** Officials' invitations: who was invited in their territory, the invitation's state; invite, re-invite, disable. */
export const InvitationsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useHamafzaDataProvider();
  const invalidate = useInvalidateOperations();
  const { permissions } = usePermissions<Role | undefined>();
  const [inviting, setInviting] = useState(false);
  const [issued, setIssued] = useState<IssuedInvitation>();
  const { data, error } = useQuery(
    graphqlQuery<{ invitedUsers: { totalCount: number; items: InvitedUser[] } }>(dataProvider, INVITED_USERS, {
      offset: 0,
      limit: 100,
    }),
  );
  const onIssued = (result: IssuedInvitation) => {
    setInviting(false);
    setIssued(result);
    void invalidate(INVITED_USERS);
  };
  const reinvite = useMutation({
    mutationFn: (id: string) => dataProvider.graphql<{ reinviteUser: IssuedInvitation }>(REINVITE_USER, { id }),
    onSuccess: (result) => onIssued(result.reinviteUser),
    onError: (failure: Error) => notify(failure.message, { type: "error" }),
  });
  const disable = useMutation({
    mutationFn: (id: string) => dataProvider.graphql(DISABLE_INVITED_USER, { id }),
    onSuccess: () => {
      notify("hamafza.invitations.disabledDone", { type: "success" });
      void invalidate(INVITED_USERS);
    },
    onError: (failure: Error) => notify(failure.message, { type: "error" }),
  });
  if (!canRoleAccess(permissions, { action: "list", resource: "invitedUsers" })) return null;
  const items = data?.invitedUsers.items ?? [];
  return (
    <Card>
      <Title title={translate("hamafza.invitations.title")} />
      <CardContent>
        <Stack direction={{ xs: "column", sm: "row" }} spacing={2} justifyContent="space-between" sx={{ mb: 2 }}>
          <Typography variant="body2">{translate("hamafza.invitations.intro")}</Typography>
          <Button variant="contained" onClick={() => setInviting(true)} sx={{ flexShrink: 0 }}>
            {translate("hamafza.invitations.invite")}
          </Button>
        </Stack>
        {error && <Typography color="error">{error.message}</Typography>}
        {data && items.length === 0 && <Typography>{translate("hamafza.invitations.empty")}</Typography>}
        {items.length > 0 && (
          <Table size="small" data-testid="invited-users">
            <TableHead>
              <TableRow>
                {["displayName", "username", "role", "authorisationReference", "state", "lastLoginAt"].map((key) => (
                  <TableCell key={key}>{translate(`hamafza.invitations.${key}`)}</TableCell>
                ))}
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((user) => (
                <TableRow key={user.id}>
                  <TableCell>{user.displayName}</TableCell>
                  <TableCell dir="ltr">{user.username}</TableCell>
                  <TableCell>{translate(`hamafza.invitations.roles.${user.role}`)}</TableCell>
                  <TableCell>{user.authorisationReference ?? "—"}</TableCell>
                  <TableCell>
                    {user.disabled
                      ? translate("hamafza.invitations.disabled")
                      : translate(`hamafza.invitations.states.${user.invitation?.state ?? "NONE"}`)}
                  </TableCell>
                  <TableCell>{formatJalali(user.lastLoginAt, { showTime: true }) || "—"}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1}>
                      <Button size="small" onClick={() => reinvite.mutate(user.id)} disabled={reinvite.isPending}>
                        {translate("hamafza.invitations.reinvite")}
                      </Button>
                      {!user.disabled && (
                        <Button
                          size="small"
                          color="error"
                          onClick={() => disable.mutate(user.id)}
                          disabled={disable.isPending}
                        >
                          {translate("hamafza.invitations.disable")}
                        </Button>
                      )}
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <InviteDialog open={inviting} onClose={() => setInviting(false)} onIssued={onIssued} />
      <IssuedDialog issued={issued} onClose={() => setIssued(undefined)} />
    </Card>
  );
};
