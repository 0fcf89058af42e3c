import Stack from "@mui/material/Stack";
import {
  AutocompleteInput,
  Datagrid,
  Edit,
  FunctionField,
  Labeled,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  required,
  SearchInput,
  Show,
  SimpleForm,
  TextField,
  TextInput,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { JalaliDateInput } from "../common/JalaliDateInput";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { ProposalStatusChip, ProposalStatusInput } from "../engagement/engagementEnums";
import { InboxActions, InboxCreate, responseDays } from "../engagement/inboxParts";
import { jalaliPeriodFilters } from "../engagement/PeriodInputs";
import { Section } from "../meetings/MeetingShow";

const proposalFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceFilterInput key="agencyId" source="agencyId" reference="agencies" alwaysOn />,
  <ProposalStatusInput key="status" source="status" alwaysOn />,
  <NullableBooleanInput key="answered" source="answered" alwaysOn />,
  ...jalaliPeriodFilters(false),
  <ReferenceFilterInput key="ngoId" source="ngoId" reference="ngos" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
];

/** The proposals inbox: per agency (filter), unanswered ones found with «پاسخ‌داده‌شده: خیر». */
export const ProposalList = () => (
  <List filters={proposalFilters} sort={{ field: "submittedOn", order: "DESC" }} title="صندوق طرح‌های پیشنهادی">
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="topic" />
      <ReferenceField source="ngoId" reference="ngos" link={false} sortable={false} />
      <ReferenceField source="agencyId" reference="agencies" link={false} sortable={false} emptyText="—" />
      <TextField source="councilName" sortable={false} emptyText="—" />
      <JalaliDateField source="submittedOn" />
      <ProposalStatusChip source="status" />
      <JalaliDateField source="respondedOn" emptyText="—" />
      <FunctionField source="responseDays" sortable={false} render={responseDays} />
    </Datagrid>
  </List>
);

const ProposalFields = () => (
  <>
    <ReferenceInput source="agencyId" reference="agencies" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <TextInput source="councilName" />
    <TextInput source="topic" validate={required()} fullWidth />
    <TextInput source="summary" multiline fullWidth />
    <TextInput source="fieldCode" />
    <ReferenceInput source="meetingId" reference="meetings" sort={{ field: "scheduledAt", order: "DESC" }}>
      <AutocompleteInput optionText="title" sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <JalaliDateInput source="submittedOn" validate={required()} notInFuture />
  </>
);

export const ProposalCreate = () => (
  <InboxCreate>
    <ProposalFields />
  </InboxCreate>
);

export const ProposalEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <ProposalFields />
      <ProposalStatusInput source="status" />
      <JalaliDateInput source="statusOn" helperText="تاریخ تغییر وضعیت (بررسی، پاسخ یا اجرا)" />
      <TextInput source="response" multiline fullWidth />
    </SimpleForm>
  </Edit>
);

/** The agency's dated answer: accepted, rejected, under review or implemented. */
const ProposalActions = () => (
  <InboxActions resource="proposals" initialStatus="SUBMITTED">
    <ProposalStatusInput source="status" label="وضعیت" validate={required()} />
    <JalaliDateInput source="statusOn" label="تاریخ" validate={required()} notInFuture />
    <TextInput source="response" label="پاسخ دستگاه" multiline fullWidth />
  </InboxActions>
);

export const ProposalShow = () => (
  <Show actions={<ProposalActions />}>
    <Stack sx={{ p: 2 }}>
      <Section title="طرح پیشنهادی">
        <Stack direction="row" flexWrap="wrap" gap={3}>
          <Labeled>
            <TextField source="topic" />
          </Labeled>
          <Labeled>
            <ReferenceField source="ngoId" reference="ngos" link="show" />
          </Labeled>
          <Labeled>
            <ReferenceField source="agencyId" reference="agencies" link={false} emptyText="—" />
          </Labeled>
          <Labeled>
            <TextField source="councilName" emptyText="—" />
          </Labeled>
          <Labeled>
            <TextField source="fieldCode" emptyText="—" />
          </Labeled>
          <Labeled>
            <ReferenceField source="meetingId" reference="meetings" link="show" emptyText="—" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="submittedOn" />
          </Labeled>
          <Labeled>
            <ProposalStatusChip source="status" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="reviewStartedOn" emptyText="—" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="respondedOn" emptyText="—" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="implementedOn" emptyText="—" />
          </Labeled>
          <Labeled>
            <FunctionField source="responseDays" render={responseDays} />
          </Labeled>
          <Labeled fullWidth>
            <TextField source="summary" emptyText="—" />
          </Labeled>
          <Labeled fullWidth>
            <TextField source="response" emptyText="—" />
          </Labeled>
        </Stack>
      </Section>
    </Stack>
  </Show>
);
