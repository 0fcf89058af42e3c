import CancelIcon from "@mui/icons-material/Cancel";
import DoneAllIcon from "@mui/icons-material/DoneAll";
import GroupAddIcon from "@mui/icons-material/GroupAdd";
import HowToRegIcon from "@mui/icons-material/HowToReg";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import {
  CheckboxGroupInput,
  Labeled,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useGetList,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { graphqlQuery, useGraphQL, useHamafzaDataProvider, useInvalidateOperations } from "../common/graphqlOperations";
import { JalaliDateField } from "../common/JalaliDateField";
import { PersianNumberField } from "../common/PersianNumberField";
import { toPersianDigits } from "../common/persianDigits";
import { TrainingNeedStatusChip, TrainingSessionStatusChip } from "./trainingEnums";
import {
  CANCEL_TRAINING_SESSION,
  INVITE_TO_TRAINING_SESSION,
  MARK_TRAINING_NEEDS_MET,
  RECORD_TRAINING_ATTENDANCE,
  TRAINING_SESSION_INVITATIONS,
} from "./trainingOperations";

interface Invitation {
  id: string;
  ngoId: string;
  attended: boolean | null;
  ngo: { id: string; name: string } | null;
  need: { id: string; topic: string; status: string } | null;
}

const useInvitations = (id: string | undefined) => {
  const dataProvider = useHamafzaDataProvider();
  return useQuery({
    ...graphqlQuery<{ trainingSession: { invitations: Invitation[] } | null }>(
      dataProvider,
      TRAINING_SESSION_INVITATIONS,
      { id },
    ),
    enabled: !!id,
  });
};

/** The declared needs of the session's topic an officer may invite (their NGOs). */
const InviteButton = () => {
  const record = useRecordContext();
  const graphql = useGraphQL();
  const invalidate = useInvalidateOperations();
  const translate = useTranslate();
  const { data: needs = [] } = useGetList(
    "trainingNeeds",
    { filter: { topic: record?.topic, status: "DECLARED" }, pagination: { page: 1, perPage: 100 } },
    { enabled: !!record?.topic },
  );
  if (!record) return null;
  return (
    <ActionDialogButton
      label="hamafza.training.invite"
      icon={<GroupAddIcon />}
      title="hamafza.training.inviteTitle"
      intro={translate(needs.length ? "hamafza.training.inviteIntro" : "hamafza.training.noNeeds")}
      onSubmit={(values) => graphql(INVITE_TO_TRAINING_SESSION, { id: record.id, needIds: values.needIds ?? [] })}
      onDone={() => invalidate(TRAINING_SESSION_INVITATIONS)}
    >
      <CheckboxGroupInput
        source="needIds"
        label="hamafza.training.need"
        row={false}
        choices={needs.map((need) => ({
          id: need.id,
          name: `${need.ngo?.name ?? need.ngoId} — ${need.topic} (${toPersianDigits(need.year)})`,
        }))}
      />
    </ActionDialogButton>
  );
};

const AttendanceButton = ({ invitations }: { invitations: Invitation[] }) => {
  const record = useRecordContext();
  const graphql = useGraphQL();
  const invalidate = useInvalidateOperations();
  if (!record || invitations.length === 0) return null;
  return (
    <ActionDialogButton
      label="hamafza.training.attendance"
      icon={<HowToRegIcon />}
      title="hamafza.training.attendanceTitle"
      defaultValues={{ attendedNgoIds: invitations.filter((i) => i.attended).map((i) => i.ngoId) }}
      onSubmit={(values) =>
        graphql(RECORD_TRAINING_ATTENDANCE, { id: record.id, attendedNgoIds: values.attendedNgoIds ?? [] })
      }
      onDone={() => invalidate(TRAINING_SESSION_INVITATIONS)}
    >
      <CheckboxGroupInput
        source="attendedNgoIds"
        label="hamafza.training.attended"
        row={false}
        choices={invitations.map((i) => ({ id: i.ngoId, name: i.ngo?.name ?? i.ngoId }))}
      />
    </ActionDialogButton>
  );
};

const Actions = () => {
  const record = useRecordContext();
  const graphql = useGraphQL();
  const invalidate = useInvalidateOperations();
  const { canAccess } = useCanAccess({ resource: "trainingSessions", action: "create" });
  const { data } = useInvitations(record?.id as string | undefined);
  const invitations = data?.trainingSession?.invitations ?? [];
  if (!canAccess || !record) return <TopToolbar />;
  return (
    <TopToolbar>
      {record.status === "PLANNED" ? <InviteButton /> : null}
      {record.status !== "CANCELLED" ? <AttendanceButton invitations={invitations} /> : null}
      {record.status === "HELD" ? (
        <ActionDialogButton
          label="hamafza.training.markMet"
          icon={<DoneAllIcon />}
          color="success"
          title="hamafza.training.markMetTitle"
          onSubmit={() => graphql(MARK_TRAINING_NEEDS_MET, { id: record.id })}
          onDone={() => invalidate(TRAINING_SESSION_INVITATIONS)}
        />
      ) : null}
      {record.status === "PLANNED" ? (
        <ActionDialogButton
          label="hamafza.training.cancel"
          icon={<CancelIcon />}
          color="error"
          title="hamafza.training.cancelTitle"
          onSubmit={() => graphql(CANCEL_TRAINING_SESSION, { id: record.id })}
          onDone={() => invalidate(TRAINING_SESSION_INVITATIONS)}
        />
      ) : null}
    </TopToolbar>
  );
};

/** The invited NGOs, the need each was invited for and its attendance. */
const Invitations = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { data } = useInvitations(record?.id as string | undefined);
  const invitations = data?.trainingSession?.invitations ?? [];
  const attendance = (attended: boolean | null) =>
    translate(
      attended === null
        ? "hamafza.training.notRecorded"
        : attended
          ? "hamafza.training.present"
          : "hamafza.training.absent",
    );
  return (
    <Labeled label="hamafza.training.invitations" fullWidth>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate("hamafza.training.ngo")}</TableCell>
            <TableCell>{translate("hamafza.training.need")}</TableCell>
            <TableCell>{translate("hamafza.training.attended")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {invitations.map((invitation) => (
            <TableRow key={invitation.id}>
              <TableCell>{invitation.ngo?.name ?? "—"}</TableCell>
              <TableCell>
                {invitation.need ? (
                  <TrainingNeedStatusChip source="status" record={invitation.need} />
                ) : (
                  <Typography variant="body2">—</Typography>
                )}
              </TableCell>
              <TableCell>{attendance(invitation.attended)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
};

export const TrainingSessionShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="topic" />
      <TrainingSessionStatusChip source="status" />
      <JalaliDateField source="startsAt" showTime />
      <TextField source="venue" emptyText="—" />
      <ReferenceField source="ngoHouseId" reference="ngoHouses" link="show" emptyText="—" />
      <TextField source="provider" />
      <PersianNumberField source="capacity" />
      <PersianNumberField source="invitedCount" />
      <ReferenceField source="provinceId" reference="provinces" link={false} />
      <ReferenceField source="countyId" reference="counties" link={false} emptyText="—" />
      <Invitations />
    </SimpleShowLayout>
  </Show>
);
