import NoteAddIcon from "@mui/icons-material/NoteAdd";
import Stack from "@mui/material/Stack";
import {
  ArrayField,
  BooleanField,
  ChipField,
  Datagrid,
  EditButton,
  Labeled,
  ReferenceArrayField,
  ReferenceField,
  required,
  Show,
  SingleFieldList,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { ActionDialogButton } from "../common/ActionDialog";
import { JalaliDateField } from "../common/JalaliDateField";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { PersonNameField } from "../common/PersonNameField";
import { useGraphQL } from "../common/graphqlOperations";
import { PROJECT_STATUS_LABELS, ProjectStatusChip, ProjectStatusInput } from "../engagement/engagementEnums";
import { Section } from "../meetings/MeetingShow";
import { AttachmentsPanel } from "../attachments/AttachmentsPanel";
import { enumComponents } from "../common/enumComponents";
import { PROJECT_PROGRESS } from "./projectOperations";

const { Field: ProjectStatusText } = enumComponents(PROJECT_STATUS_LABELS);

const ProjectProgressButton = () => {
  const translate = useTranslate();
  const record = useRecordContext();
  const graphql = useGraphQL();
  if (!record) return null;
  return (
    <ActionDialogButton
      label="hamafza.projects.progressReport"
      icon={<NoteAddIcon />}
      title="hamafza.projects.progressReportTitle"
      onSubmit={(values) =>
        graphql(PROJECT_PROGRESS, {
          projectId: record.id,
          input: { reportedOn: values.reportedOn, note: values.note, status: values.status || undefined },
        })
      }
    >
      <JalaliDateInput
        source="reportedOn"
        label={translate("hamafza.common.reportDate")}
        validate={required()}
        notInFuture
      />
      <TextInput source="note" label="hamafza.common.progressDescription" validate={required()} multiline fullWidth />
      <ProjectStatusInput source="status" label={translate("hamafza.common.newStatusOptional")} />
    </ActionDialogButton>
  );
};

const ProjectActions = () => {
  const { canAccess } = useCanAccess({ resource: "projects", action: "edit" });
  return (
    <TopToolbar>{canAccess ? [<ProjectProgressButton key="progress" />, <EditButton key="edit" />] : null}</TopToolbar>
  );
};

export const ProjectShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<ProjectActions />}>
      <Stack sx={{ p: 2 }}>
        <Section title="hamafza.projects.project">
          <Stack direction="row" flexWrap="wrap" gap={3}>
            <Labeled>
              <TextField source="title" />
            </Labeled>
            <Labeled>
              <ProjectStatusChip source="status" />
            </Labeled>
            <Labeled>
              <ReferenceField source="workingGroupId" reference="workingGroups" link="show" emptyText="—" />
            </Labeled>
            <Labeled>
              <ReferenceField source="areaId" reference="informalSettlementAreas" link={false} emptyText="—" />
            </Labeled>
            <Labeled>
              <ReferenceField source="responsibleAgencyId" reference="agencies" link={false} emptyText="—" />
            </Labeled>
            <Labeled>
              <JalaliDateField source="startOn" emptyText="—" />
            </Labeled>
            <Labeled>
              <JalaliDateField source="plannedEndOn" emptyText="—" />
            </Labeled>
            <Labeled>
              <JalaliDateField source="closedOn" emptyText="—" />
            </Labeled>
            <Labeled>
              <BooleanField source="late" />
            </Labeled>
            <Labeled fullWidth>
              <TextField source="description" emptyText="—" />
            </Labeled>
            <Labeled fullWidth>
              <ReferenceArrayField source="partnerNgoIds" reference="ngos">
                <SingleFieldList linkType="show">
                  <ChipField source="name" />
                </SingleFieldList>
              </ReferenceArrayField>
            </Labeled>
          </Stack>
        </Section>
        <Section title="hamafza.projects.progressReports">
          <ArrayField source="updates">
            <Datagrid bulkActionButtons={false} rowClick={false}>
              <JalaliDateField source="reportedOn" label={translate("hamafza.common.date")} />
              <TextField source="note" label="hamafza.common.description" />
              <ProjectStatusText
                source="statusBefore"
                label={translate("hamafza.common.previousStatus")}
                emptyText="—"
              />
              <ProjectStatusText source="statusAfter" label={translate("hamafza.common.newStatus")} emptyText="—" />
              <PersonNameField source="recordedBy" label="hamafza.common.recordedBy" emptyText="—" />
            </Datagrid>
          </ArrayField>
        </Section>
        <AttachmentsPanel record="PROJECT" resource="projects" />
      </Stack>
    </Show>
  );
};
