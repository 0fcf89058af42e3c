import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Link,
  List,
  ListItem,
  ListItemText,
  Pagination,
  Stack,
  Typography,
} from "@mui/material";
import { useState } from "react";
import { Title, useNotify } from "react-admin";
import { formatJalali } from "../common/jalali";
import { toPersianDigits } from "../common/persianDigits";
import { useGraphQL, useGraphQLQuery } from "../common/useGraphQL";
import { INBOX_CHANGED_EVENT, INBOX_QUERY, InboxItem, MARK_READ_MUTATION } from "./notificationApi";

const PAGE = 20;

const KIND_LABELS: Record<string, string> = {
  MEETING_QUARTER_DUE: "جلسه فصل",
  RESOLUTION_DUE: "موعد مصوبه",
  RESOLUTION_OVERDUE: "مصوبه معوق",
  REQUEST_UNANSWERED: "درخواست بی‌پاسخ",
  LICENCE_EXPIRING: "پروانه رو به انقضا",
  SYSTEM: "سامانه",
};

/** The signed-in user's inbox: newest first, unread in bold, why each was sent, a link to its record. */
export const InboxPage = () => {
  const [page, setPage] = useState(1);
  const graphql = useGraphQL();
  const notify = useNotify();
  const { data, error, isPending, refetch } = useGraphQLQuery<{
    myNotifications: { totalCount: number; items: InboxItem[] };
  }>(INBOX_QUERY, { offset: (page - 1) * PAGE, limit: PAGE });
  const markRead = async (variables: { ids?: string[]; all?: boolean }) => {
    try {
      await graphql(MARK_READ_MUTATION, variables);
      refetch();
      window.dispatchEvent(new Event(INBOX_CHANGED_EVENT));
    } catch (failure) {
      notify((failure as Error).message, { type: "error" });
    }
  };
  const items = data?.myNotifications.items ?? [];
  const total = data?.myNotifications.totalCount ?? 0;
  return (
    <Card>
      <Title title="اعلان‌ها" />
      <CardContent>
        <Stack direction="row" justifyContent="space-between" alignItems="center" sx={{ mb: 2 }}>
          <Typography variant="h6">اعلان‌های شما ({toPersianDigits(total)})</Typography>
          <Button variant="outlined" onClick={() => markRead({ all: true })} disabled={items.every((i) => i.readAt)}>
            همه را خواندم
          </Button>
        </Stack>
        {error && <Typography color="error">{error.message}</Typography>}
        {!isPending && !error && items.length === 0 && <Typography>اعلانی ندارید.</Typography>}
        <List data-testid="inbox-list">
          {items.map((item) => (
            <ListItem
              key={item.id}
              divider
              data-testid="inbox-item"
              data-unread={item.readAt ? "false" : "true"}
              secondaryAction={
                !item.readAt && (
                  <Button size="small" onClick={() => markRead({ ids: [item.id] })}>
                    خواندم
                  </Button>
                )
              }
            >
              <ListItemText
                primary={
                  <Stack direction="row" spacing={1} alignItems="center">
                    <Chip size="small" label={KIND_LABELS[item.kind] ?? item.kind} />
                    <Typography component="span" sx={{ fontWeight: item.readAt ? 400 : 700 }}>
                      {item.link ? (
                        <Link href={item.link} onClick={() => !item.readAt && markRead({ ids: [item.id] })}>
                          {item.title}
                        </Link>
                      ) : (
                        item.title
                      )}
                    </Typography>
                  </Stack>
                }
                secondary={
                  <Box component="span" sx={{ display: "block" }}>
                    <Box component="span" sx={{ display: "block" }}>
                      {item.body}
                    </Box>
                    <Box component="span" sx={{ display: "block", fontSize: 12 }}>
                      چرا این اعلان: {item.reason} — {formatJalali(item.createdAt, { showTime: true })}
                    </Box>
                  </Box>
                }
              />
            </ListItem>
          ))}
        </List>
        {total > PAGE && (
          <Pagination count={Math.ceil(total / PAGE)} page={page} onChange={(_, next) => setPage(next)} />
        )}
      </CardContent>
    </Card>
  );
};
