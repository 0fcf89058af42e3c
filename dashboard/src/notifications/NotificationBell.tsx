import NotificationsIcon from "@mui/icons-material/Notifications";
import { Badge, IconButton, Tooltip } from "@mui/material";
import { useEffect } from "react";
import { useRedirect } from "react-admin";
import { useGraphQLQuery } from "../common/useGraphQL";
import { toPersianDigits } from "../common/persianDigits";
import { INBOX_CHANGED_EVENT, INBOX_PATH, UNREAD_COUNT_QUERY } from "./notificationApi";

const POLL_MS = 60_000;

/** The bell in the top bar: the signed-in user's unread count (polled every minute); opens the inbox. */
export const NotificationBell = () => {
  const redirect = useRedirect();
  const { data, refetch } = useGraphQLQuery<{ myUnreadNotificationCount: number }>(UNREAD_COUNT_QUERY, {});
  useEffect(() => {
    const timer = setInterval(refetch, POLL_MS);
    window.addEventListener(INBOX_CHANGED_EVENT, refetch);
    return () => {
      clearInterval(timer);
      window.removeEventListener(INBOX_CHANGED_EVENT, refetch);
    };
  }, [refetch]);
  const count = data?.myUnreadNotificationCount ?? 0;
  const label = count > 0 ? `${toPersianDigits(count)} اعلان خوانده‌نشده` : "اعلان‌ها";
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
