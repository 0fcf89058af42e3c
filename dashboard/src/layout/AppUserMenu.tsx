import KeyIcon from "@mui/icons-material/Key";
import ListItemIcon from "@mui/material/ListItemIcon";
import ListItemText from "@mui/material/ListItemText";
import MenuItem, { type MenuItemProps } from "@mui/material/MenuItem";
import { forwardRef } from "react";
import { Logout, UserMenu, useGetIdentity, useNavigate, useTranslate, useUserMenu } from "react-admin";
import { CHANGE_PASSWORD_PATH } from "../account/paths";
import type { HamafzaIdentity } from "../auth/authProvider";

/** Who is signed in, and as what role (not clickable). */
const IdentityItem = forwardRef<HTMLLIElement, MenuItemProps>((props, ref) => {
  const { identity } = useGetIdentity();
  const who = identity as HamafzaIdentity | undefined;
  if (!who) return null;
  return (
    <MenuItem ref={ref} {...props} disabled sx={{ "&.Mui-disabled": { opacity: 1 } }}>
      <ListItemText primary={who.fullName} secondary={`${who.roleLabel} — ${who.username}`} />
    </MenuItem>
  );
});
IdentityItem.displayName = "IdentityItem";

const ChangePasswordItem = forwardRef<HTMLLIElement, MenuItemProps>((props, ref) => {
  const userMenu = useUserMenu();
  const navigate = useNavigate();
  const translate = useTranslate();
  return (
    <MenuItem
      ref={ref}
      {...props}
      onClick={() => {
        userMenu?.onClose();
        navigate(CHANGE_PASSWORD_PATH);
      }}
    >
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate("hamafza.account.changePassword")}</ListItemText>
    </MenuItem>
  );
});
ChangePasswordItem.displayName = "ChangePasswordItem";

export const AppUserMenu = () => (
  <UserMenu>
    <IdentityItem />
    <ChangePasswordItem />
    <Logout />
  </UserMenu>
);
