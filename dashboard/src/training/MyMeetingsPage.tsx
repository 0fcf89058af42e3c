import CheckIcon from "@mui/icons-material/Check";
import CloseIcon from "@mui/icons-material/Close";
import Card from "@mui/material/Card";
import CardActions from "@mui/material/CardActions";
import CardContent from "@mui/material/CardContent";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { required, TextInput, Title, useTranslate } from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { graphqlQuery, useGraphQL, useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import { formatJalali } from "../common/jalali";
import { MeetingReplyChip } from "./trainingEnums";
import { MY_MEETINGS, REPLY_TO_MEETING_INVITATION } from "./trainingOperations";

interface MyMeeting {
  id: string;
  title: string;
  status: string;
  scheduledAt: string;
  heldAt: string | null;
  venue: string | null;
  minutes: string | null;
  attendance: { ngoId: string; reply: string | null; replyName: string | null }[];
  agendaItems: { id: string; topic: string }[];
  resolutions: { id: string; text: string }[];
}

/** An invitation: when and where, the NGO's reply, and the buttons to reply (again) until the meeting starts. */
const Invitation = ({ meeting, onDone }: { meeting: MyMeeting; onDone: () => void }) => {
  const translate = useTranslate();
  const graphql = useGraphQL();
  const own = meeting.attendance[0];
  const reply = (attending: boolean, attendeeName?: unknown) =>
    graphql(REPLY_TO_MEETING_INVITATION, {
      meetingId: meeting.id,
      attending,
      attendeeName: attendeeName ? String(attendeeName) : null,
    });
  return (
    <Card variant="outlined" data-testid="meeting-invitation">
      <CardContent>
        <Typography variant="subtitle1" component="h3">
          {meeting.title}
        </Typography>
        <Typography variant="body2">
          {formatJalali(meeting.scheduledAt, { showTime: true })}
          {meeting.venue ? ` — ${meeting.venue}` : ""}
        </Typography>
        <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 1 }}>
          {own?.reply ? (
            <>
              <MeetingReplyChip source="reply" record={own} />
              {own.replyName ? <Typography variant="body2">{own.replyName}</Typography> : null}
            </>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate("hamafza.meetingInvitations.noReply")}
            </Typography>
          )}
        </Stack>
      </CardContent>
      <CardActions sx={{ flexWrap: "wrap" }}>
        <ActionDialogButton
          label="hamafza.meetingInvitations.attend"
          icon={<CheckIcon />}
          color="success"
          title="hamafza.meetingInvitations.attendTitle"
          defaultValues={{ attendeeName: own?.replyName ?? "" }}
          onSubmit={(values) => reply(true, values.attendeeName)}
          onDone={onDone}
        >
          <TextInput
            source="attendeeName"
            label="hamafza.meetingInvitations.attendeeName"
            validate={required()}
            fullWidth
          />
        </ActionDialogButton>
        <ActionDialogButton
          label="hamafza.meetingInvitations.decline"
          icon={<CloseIcon />}
          color="inherit"
          title="hamafza.meetingInvitations.declineTitle"
          onSubmit={() => reply(false)}
          onDone={onDone}
        />
      </CardActions>
    </Card>
  );
};

/** A held meeting the NGO attended: its minutes, agenda and resolutions. */
const HeldMeeting = ({ meeting }: { meeting: MyMeeting }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" component="h3">
          {meeting.title}
        </Typography>
        <Typography variant="body2">
          {formatJalali(meeting.heldAt ?? meeting.scheduledAt, { showTime: true })}
        </Typography>
        {meeting.agendaItems.length ? (
          <>
            <Typography variant="body2" fontWeight="bold" sx={{ mt: 1 }}>
              {translate("hamafza.meetingInvitations.agenda")}
            </Typography>
            <ul>
              {meeting.agendaItems.map((item) => (
                <li key={item.id}>{item.topic}</li>
              ))}
            </ul>
          </>
        ) : null}
        {meeting.minutes ? (
          <>
            <Typography variant="body2" fontWeight="bold">
              {translate("hamafza.meetingInvitations.minutes")}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: "pre-wrap" }}>
              {meeting.minutes}
            </Typography>
          </>
        ) : null}
        {meeting.resolutions.length ? (
          <>
            <Typography variant="body2" fontWeight="bold" sx={{ mt: 1 }}>
              {translate("hamafza.meetingInvitations.resolutions")}
            </Typography>
            <ul>
              {meeting.resolutions.map((resolution) => (
                <li key={resolution.id}>{resolution.text}</li>
              ))}
            </ul>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
};

/**
 * The NGO representative's meetings page (mobile first): invitations to planned meetings, with the reply (attending
 * with the attendee's name, or not), and the record of the held meetings the NGO attended.
 */
export const MyMeetingsPage = () => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const invalidate = useInvalidateOperations();
  const { data, isSuccess } = useQuery(graphqlQuery<{ meetings: { items: MyMeeting[] } }>(dataProvider, MY_MEETINGS));
  const meetings = data?.meetings.items ?? [];
  const now = Date.now();
  const invitations = meetings
    .filter((m) => m.status === "PLANNED" && new Date(m.scheduledAt).getTime() > now)
    .reverse();
  const held = meetings.filter((m) => m.status === "HELD");
  const refresh = () => invalidate(MY_MEETINGS);
  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 }, maxWidth: 720 }}>
      <Title title="hamafza.meetingInvitations.title" />
      <Typography variant="h6" component="h1">
        {translate("hamafza.meetingInvitations.invitations")}
      </Typography>
      {isSuccess && invitations.length === 0 ? (
        <Typography color="text.secondary">{translate("hamafza.meetingInvitations.noInvitations")}</Typography>
      ) : null}
      {invitations.map((meeting) => (
        <Invitation key={meeting.id} meeting={meeting} onDone={refresh} />
      ))}
      <Typography variant="h6" component="h2">
        {translate("hamafza.meetingInvitations.held")}
      </Typography>
      {isSuccess && held.length === 0 ? (
        <Typography color="text.secondary">{translate("hamafza.meetingInvitations.noHeld")}</Typography>
      ) : null}
      {held.map((meeting) => (
        <HeldMeeting key={meeting.id} meeting={meeting} />
      ))}
    </Stack>
  );
};
