import AddIcon from "@mui/icons-material/Add";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import {
  AutocompleteInput,
  BooleanField,
  Datagrid,
  DeleteButton,
  EditButton,
  FormDataConsumer,
  Labeled,
  RadioButtonGroupInput,
  ReferenceField,
  ReferenceInput,
  ReferenceManyField,
  required,
  Show,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { JalaliDateField } from "../common/JalaliDateField";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { DimensionField, MEMBER_KIND_LABELS, MemberKindField, ProjectStatusChip } from "../engagement/engagementEnums";
import { MeetingKindField, MeetingStatusField } from "../meetings/meetingEnums";
import { Section } from "../meetings/MeetingShow";
import { PersianNumberField } from "../common/PersianNumberField";

const MemberInputs = () => {
  const translate = useTranslate();
  return (
    <>
      <RadioButtonGroupInput
        source="memberKind"
        label="hamafza.workingGroups.memberKind"
        choices={[
          { id: "NGO", name: MEMBER_KIND_LABELS.NGO },
          { id: "AGENCY", name: MEMBER_KIND_LABELS.AGENCY },
        ]}
        translateChoice={false}
      />
      <FormDataConsumer>
        {({ formData }) =>
          formData.memberKind === "AGENCY" ? (
            <ReferenceInput source="agencyId" reference="agencies" sort={{ field: "name", order: "ASC" }}>
              <AutocompleteInput label="hamafza.common.agency" validate={required()} fullWidth />
            </ReferenceInput>
          ) : (
            <ReferenceInput source="ngoId" reference="ngos" sort={{ field: "name", order: "ASC" }}>
              <AutocompleteInput label="hamafza.common.ngo" validate={required()} fullWidth />
            </ReferenceInput>
          )
        }
      </FormDataConsumer>
      <TextInput source="role" label="hamafza.common.role" />
      <JalaliDateInput source="joinedOn" label={translate("hamafza.workingGroups.joinedOn")} validate={required()} />
      <JalaliDateInput source="leftOn" label={translate("hamafza.workingGroups.leftOn")} />
    </>
  );
};

const MemberRowActions = () => {
  const translate = useTranslate();
  const record = useRecordContext();
  const dataProvider = useDataProvider();
  if (!record) return null;
  return (
    <Stack direction="row">
      <ActionDialogButton
        label="hamafza.workingGroups.recordLeave"
        title="hamafza.workingGroups.editMembership"
        defaultValues={{ role: record.role ?? null, joinedOn: record.joinedOn, leftOn: record.leftOn ?? null }}
        onSubmit={(values) =>
          dataProvider.update("workingGroupMembers", { id: record.id, data: values, previousData: record })
        }
      >
        <TextInput source="role" label="hamafza.common.role" />
        <JalaliDateInput source="joinedOn" label={translate("hamafza.workingGroups.joinedOn")} validate={required()} />
        <JalaliDateInput source="leftOn" label={translate("hamafza.workingGroups.leftOn")} />
      </ActionDialogButton>
      <DeleteButton
        resource="workingGroupMembers"
        redirect={false}
        mutationMode="pessimistic"
        label="hamafza.common.delete"
      />
    </Stack>
  );
};

const Members = () => {
  const translate = useTranslate();
  const group = useRecordContext();
  const dataProvider = useDataProvider();
  const { canAccess } = useCanAccess({ resource: "workingGroupMembers", action: "edit" });
  if (!group) return null;
  return (
    <Stack spacing={1}>
      <ReferenceManyField
        reference="workingGroupMembers"
        target="workingGroupId"
        sort={{ field: "joinedOn", order: "ASC" }}
        perPage={200}
      >
        <Datagrid
          bulkActionButtons={false}
          rowClick={false}
          empty={<Typography variant="body2">{translate("hamafza.workingGroups.noMember")}</Typography>}
        >
          <MemberKindField source="kind" label={translate("hamafza.common.kind")} />
          <ReferenceField source="ngoId" reference="ngos" link="show" label="hamafza.common.ngo" emptyText="—" />
          <ReferenceField
            source="agencyId"
            reference="agencies"
            link={false}
            label="hamafza.common.agency"
            emptyText="—"
          />
          <TextField source="role" label="hamafza.common.role" emptyText="—" />
          <JalaliDateField source="joinedOn" label={translate("hamafza.workingGroups.membership")} />
          <JalaliDateField source="leftOn" label={translate("hamafza.workingGroups.leave")} emptyText="—" />
          <BooleanField source="current" label="hamafza.workingGroups.currentMember" />
          {canAccess ? <MemberRowActions /> : null}
        </Datagrid>
      </ReferenceManyField>
      {canAccess && (
        <div>
          <ActionDialogButton
            label="hamafza.workingGroups.addMember"
            icon={<AddIcon />}
            defaultValues={{ memberKind: "NGO" }}
            onSubmit={({ memberKind, ngoId, agencyId, ...values }) =>
              dataProvider.create("workingGroupMembers", {
                data: { ...values, workingGroupId: group.id, ...(memberKind === "AGENCY" ? { agencyId } : { ngoId }) },
              })
            }
          >
            <MemberInputs />
          </ActionDialogButton>
        </div>
      )}
    </Stack>
  );
};

const GroupActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

export const WorkingGroupShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<GroupActions />}>
      <Stack sx={{ p: 2 }}>
        <Section title="hamafza.workingGroups.group">
          <Stack direction="row" flexWrap="wrap" gap={3}>
            <Labeled>
              <TextField source="name" />
            </Labeled>
            <Labeled>
              <DimensionField source="dimension" />
            </Labeled>
            <Labeled>
              <ReferenceField source="bodyId" reference="governingBodies" link="show" emptyText="—" />
            </Labeled>
            <Labeled>
              <ReferenceField source="parentNgoHouseId" reference="ngoHouses" link={false} emptyText="—" />
            </Labeled>
            <Labeled>
              <ReferenceField source="provinceId" reference="provinces" link={false} />
            </Labeled>
            <Labeled>
              <ReferenceField
                source="countyId"
                reference="counties"
                link={false}
                emptyText="hamafza.common.provincial"
              />
            </Labeled>
            <Labeled>
              <ReferenceField source="chairManagerId" reference="managers" link="show" emptyText="—" />
            </Labeled>
            <Labeled>
              <ReferenceField source="chairAgencyId" reference="agencies" link={false} emptyText="—" />
            </Labeled>
            <Labeled>
              <JalaliDateField source="establishedOn" emptyText="—" />
            </Labeled>
            <Labeled>
              <JalaliDateField source="dissolvedOn" emptyText="—" />
            </Labeled>
            <Labeled>
              <PersianNumberField source="sessionsHeld" />
            </Labeled>
            <Labeled fullWidth>
              <TextField source="description" emptyText="—" />
            </Labeled>
          </Stack>
        </Section>
        <Section title="hamafza.workingGroups.members">
          <Members />
        </Section>
        <Section title="hamafza.workingGroups.sessions">
          <ReferenceManyField
            reference="meetings"
            target="workingGroupId"
            sort={{ field: "scheduledAt", order: "DESC" }}
            perPage={50}
          >
            <Datagrid
              bulkActionButtons={false}
              rowClick="show"
              empty={<Typography variant="body2">{translate("hamafza.workingGroups.noSession")}</Typography>}
            >
              <TextField source="title" label="hamafza.common.title" />
              <MeetingKindField source="kind" label={translate("hamafza.common.kind")} />
              <JalaliDateField source="scheduledAt" showTime label={translate("hamafza.common.time")} />
              <MeetingStatusField source="status" label={translate("hamafza.common.status")} />
            </Datagrid>
          </ReferenceManyField>
        </Section>
        <Section title="hamafza.workingGroups.projects">
          <ReferenceManyField
            reference="projects"
            target="workingGroupId"
            sort={{ field: "startOn", order: "DESC" }}
            perPage={50}
          >
            <Datagrid
              bulkActionButtons={false}
              rowClick="show"
              empty={<Typography variant="body2">{translate("hamafza.workingGroups.noProject")}</Typography>}
            >
              <TextField source="title" label="hamafza.common.title" />
              <ReferenceField
                source="responsibleAgencyId"
                reference="agencies"
                link={false}
                label="hamafza.common.responsibleAgency"
                emptyText="—"
              />
              <JalaliDateField source="startOn" label={translate("hamafza.common.start")} emptyText="—" />
              <JalaliDateField
                source="plannedEndOn"
                label={translate("hamafza.workingGroups.plannedEnd")}
                emptyText="—"
              />
              <ProjectStatusChip source="status" label={translate("hamafza.common.status")} />
            </Datagrid>
          </ReferenceManyField>
        </Section>
      </Stack>
    </Show>
  );
};
