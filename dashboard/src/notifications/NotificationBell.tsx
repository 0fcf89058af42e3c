import NotificationsIcon from "@mui/icons-material/Notifications";
import { Badge, IconButton, Tooltip } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useRedirect, useTranslate } from "react-admin";
import { graphqlQuery, useHamafzaDataProvider } from "../common/graphqlOperations";
import { toPersianDigits } from "../common/persianDigits";
import { INBOX_PATH, UNREAD_COUNT_QUERY } from "./notificationOperations";

const POLL_MS = 60_000;

/** The bell in the top bar: the signed-in user's unread count (polled every minute); opens the inbox. */
export const NotificationBell = () => {
  const redirect = useRedirect();
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const { data } = useQuery({
    ...graphqlQuery<{ myUnreadNotificationCount: number }>(dataProvider, UNREAD_COUNT_QUERY),
    refetchInterval: POLL_MS,
  });
  const count = data?.myUnreadNotificationCount ?? 0;
  const label =
    count > 0
      ? translate("hamafza.notifications.unread", { count: toPersianDigits(count) })
      : translate("hamafza.notifications.title");
  return (
    <Tooltip title={label}>
      <IconButton
        color="inherit"
        aria-label={label}
        onClick={() => redirect(INBOX_PATH)}
        data-testid="notification-bell"
      >
        <Badge
          badgeContent={count > 0 ? toPersianDigits(count > 99 ? "99+" : count) : null}
          color="error"
          data-testid="notification-count"
        >
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};
