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
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Title, useNotify, useTranslate } from "react-admin";
import { graphqlQuery, useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import { formatJalali } from "../common/jalali";
import { toPersianDigits } from "../common/persianDigits";
import { INBOX_QUERY, InboxItem, MARK_READ_MUTATION, UNREAD_COUNT_QUERY } from "./notificationOperations";

const PAGE = 20;

/** The signed-in user's inbox: newest first, unread in bold, why each was sent, a link to its record. */
export const InboxPage = () => {
  const [page, setPage] = useState(1);
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useHamafzaDataProvider();
  const invalidate = useInvalidateOperations();
  const { data, error, isPending } = useQuery(
    graphqlQuery<{ myNotifications: { totalCount: number; items: InboxItem[] } }>(dataProvider, INBOX_QUERY, {
      offset: (page - 1) * PAGE,
      limit: PAGE,
    }),
  );
  const { mutate: markRead } = useMutation({
    mutationFn: (variables: { ids?: string[]; all?: boolean }) => dataProvider.graphql(MARK_READ_MUTATION, variables),
    onSuccess: () => invalidate(INBOX_QUERY, UNREAD_COUNT_QUERY),
    onError: (failure: Error) => notify(failure.message, { type: "error" }),
  });
  const items = data?.myNotifications.items ?? [];
  const total = data?.myNotifications.totalCount ?? 0;
  return (
    <Card>
      <Title title={translate("hamafza.notifications.title")} />
      <CardContent>
        <Stack direction="row" justifyContent="space-between" alignItems="center" sx={{ mb: 2 }}>
          <Typography variant="h6">
            {translate("hamafza.notifications.heading", { count: toPersianDigits(total) })}
          </Typography>
          <Button variant="outlined" onClick={() => markRead({ all: true })} disabled={items.every((i) => i.readAt)}>
            {translate("hamafza.notifications.markAllRead")}
          </Button>
        </Stack>
        {error && <Typography color="error">{error.message}</Typography>}
        {!isPending && !error && items.length === 0 && (
          <Typography>{translate("hamafza.notifications.empty")}</Typography>
        )}
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
                    {translate("hamafza.notifications.markRead")}
                  </Button>
                )
              }
            >
              <ListItemText
                primary={
                  <Stack direction="row" spacing={1} alignItems="center">
                    <Chip
                      size="small"
                      label={translate(`hamafza.notifications.kinds.${item.kind}`, { _: item.kind })}
                    />
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
                      {translate("hamafza.notifications.why", {
                        reason: item.reason,
                        when: formatJalali(item.createdAt, { showTime: true }),
                      })}
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
