/** The signed-in user's inbox (identity subgraph); see docs/notifications.md. */
export const INBOX_PATH = "/inbox";

export const UNREAD_COUNT_QUERY = `query UnreadNotificationCount { myUnreadNotificationCount }`;

export const INBOX_QUERY = `query MyNotifications($offset: Int!, $limit: Int!) {
  myNotifications(offset: $offset, limit: $limit) {
    totalCount
    items { id kind title body reason link createdAt readAt }
  }
}`;

export const MARK_READ_MUTATION = `mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {
  markNotificationsRead(ids: $ids, all: $all)
}`;

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  reason: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
