import AddIcon from "@mui/icons-material/Add";
import Card from "@mui/material/Card";
import CardActions from "@mui/material/CardActions";
import CardContent from "@mui/material/CardContent";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { required, SelectInput, TextInput, Title, useTranslate } from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { graphqlQuery, useGraphQL, useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import { formatJalali } from "../common/jalali";
import { toPersianDigits } from "../common/persianDigits";
import { currentJalaliYear } from "../engagement/periods";
import { UrgencyChip, UrgencyInput } from "../ngos/ngoStatus";
import { TrainingNeedStatusChip, TrainingSessionStatusChip } from "./trainingEnums";
import {
  DECLARE_TRAINING_NEED,
  MY_TRAINING_NEEDS,
  MY_TRAINING_SESSIONS,
  WITHDRAW_TRAINING_NEED,
} from "./trainingOperations";

interface Session {
  id: string;
  topic: string;
  startsAt: string;
  venue: string | null;
  provider: string;
  status: string;
  invitations: { attended: boolean | null }[];
}

interface Need {
  id: string;
  topic: string;
  audience: string | null;
  urgency: string;
  year: number;
  status: string;
  session: Session | null;
}

/** One session as a card line: when, where, who teaches, and the NGO's own attendance once recorded. */
const SessionText = ({ session }: { session: Session }) => {
  const translate = useTranslate();
  const attended = session.invitations[0]?.attended ?? null;
  const state = translate(
    attended === null
      ? "hamafza.training.notRecorded"
      : attended
        ? "hamafza.training.present"
        : "hamafza.training.absent",
  );
  return (
    <Stack spacing={0.5}>
      <Typography variant="body2">
        {translate("hamafza.training.whenWhere", {
          when: formatJalali(session.startsAt, { showTime: true }),
          where: session.venue ?? "—",
        })}
      </Typography>
      <Typography variant="body2">{translate("hamafza.training.provider", { provider: session.provider })}</Typography>
      <Typography variant="body2">{translate("hamafza.training.ourAttendance", { state })}</Typography>
    </Stack>
  );
};

/**
 * The NGO representative's training page (mobile first): declare the NGO's needs per Jalali year, follow them
 * (declared → planned → met) and see the sessions the NGO is invited to with its own attendance.
 */
export const MyTrainingPage = () => {
  const translate = useTranslate();
  const dataProvider = useHamafzaDataProvider();
  const graphql = useGraphQL();
  const invalidate = useInvalidateOperations();
  const needs = useQuery(graphqlQuery<{ trainingNeeds: { items: Need[] } }>(dataProvider, MY_TRAINING_NEEDS));
  const sessions = useQuery(
    graphqlQuery<{ trainingSessions: { items: Session[] } }>(dataProvider, MY_TRAINING_SESSIONS),
  );
  const year = currentJalaliYear();
  const years = [year, year + 1].map((id) => ({ id, name: toPersianDigits(id) }));
  const refresh = () => invalidate(MY_TRAINING_NEEDS, MY_TRAINING_SESSIONS);
  const needItems = needs.data?.trainingNeeds.items ?? [];
  const sessionItems = sessions.data?.trainingSessions.items ?? [];
  return (
    <Stack spacing={2} sx={{ p: { xs: 1, sm: 2 }, maxWidth: 720 }}>
      <Title title="hamafza.training.myTraining" />
      <Stack direction="row" justifyContent="space-between" alignItems="center">
        <Typography variant="h6" component="h1">
          {translate("hamafza.training.myTraining")}
        </Typography>
        <ActionDialogButton
          label="hamafza.training.declare"
          icon={<AddIcon />}
          title="hamafza.training.declareTitle"
          defaultValues={{ year, urgency: "MEDIUM" }}
          onSubmit={(values) =>
            graphql(DECLARE_TRAINING_NEED, {
              input: {
                topic: values.topic,
                audience: values.audience || null,
                urgency: values.urgency,
                year: Number(values.year),
              },
            })
          }
          onDone={refresh}
        >
          <TextInput source="topic" label="hamafza.training.topic" validate={required()} fullWidth />
          <TextInput source="audience" label="hamafza.training.audience" fullWidth />
          <UrgencyInput source="urgency" label="hamafza.training.urgency" validate={required()} />
          <SelectInput source="year" label="hamafza.training.year" choices={years} validate={required()} />
        </ActionDialogButton>
      </Stack>
      {needs.isSuccess && needItems.length === 0 ? (
        <Typography color="text.secondary">{translate("hamafza.training.noMyNeeds")}</Typography>
      ) : null}
      {needItems.map((need) => (
        <Card key={need.id} variant="outlined" data-testid="training-need">
          <CardContent>
            <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
              <Typography variant="subtitle1" component="h2" sx={{ flexGrow: 1 }}>
                {need.topic}
              </Typography>
              <TrainingNeedStatusChip source="status" record={need} />
            </Stack>
            <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 1 }}>
              <Typography variant="body2">{toPersianDigits(need.year)}</Typography>
              <UrgencyChip source="urgency" record={need} />
              {need.audience ? <Typography variant="body2">{need.audience}</Typography> : null}
            </Stack>
            {need.session ? (
              <Stack sx={{ mt: 1 }}>
                <Typography variant="body2" fontWeight="bold">
                  {translate("hamafza.training.sessionOf", { topic: need.session.topic })}
                </Typography>
                <SessionText session={need.session} />
              </Stack>
            ) : null}
          </CardContent>
          {need.status === "DECLARED" ? (
            <CardActions>
              <ActionDialogButton
                label="hamafza.training.withdraw"
                color="warning"
                title="hamafza.training.withdrawTitle"
                onSubmit={() => graphql(WITHDRAW_TRAINING_NEED, { id: need.id })}
                onDone={refresh}
              />
            </CardActions>
          ) : null}
        </Card>
      ))}
      <Typography variant="h6" component="h2">
        {translate("hamafza.training.mySessions")}
      </Typography>
      {sessions.isSuccess && sessionItems.length === 0 ? (
        <Typography color="text.secondary">{translate("hamafza.training.noSessions")}</Typography>
      ) : null}
      {sessionItems.map((session) => (
        <Card key={session.id} variant="outlined">
          <CardContent>
            <Stack direction="row" spacing={1} alignItems="center">
              <Typography variant="subtitle1" component="h3" sx={{ flexGrow: 1 }}>
                {session.topic}
              </Typography>
              <TrainingSessionStatusChip source="status" record={session} />
            </Stack>
            <SessionText session={session} />
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};
