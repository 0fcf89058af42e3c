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
import {
  DemandCategoryField,
  DemandCategoryInput,
  DemandStatusChip,
  DemandStatusInput,
} from "../engagement/engagementEnums";
import { InboxActions, InboxCreate, responseDays } from "../engagement/inboxParts";
import { jalaliPeriodFilters } from "../engagement/PeriodInputs";
import { Section } from "../meetings/MeetingShow";

const demandFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceFilterInput key="agencyId" source="agencyId" reference="agencies" alwaysOn />,
  <DemandStatusInput key="status" source="status" alwaysOn />,
  <NullableBooleanInput key="answered" source="answered" alwaysOn />,
  <DemandCategoryInput key="category" source="category" />,
  <NullableBooleanInput key="unrouted" source="unrouted" />,
  ...jalaliPeriodFilters(false),
  <ReferenceFilterInput key="ngoId" source="ngoId" reference="ngos" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
];

/** The demands inbox: per agency (filter), unrouted and unanswered ones at hand. */
export const DemandList = () => (
  <List filters={demandFilters} sort={{ field: "raisedOn", order: "DESC" }} title="صندوق مطالبات سمن‌ها">
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="title" />
      <DemandCategoryField source="category" />
      <ReferenceField source="ngoId" reference="ngos" link={false} sortable={false} />
      <ReferenceField source="agencyId" reference="agencies" link={false} sortable={false} emptyText="—" />
      <JalaliDateField source="raisedOn" />
      <DemandStatusChip source="status" />
      <JalaliDateField source="respondedOn" emptyText="—" />
      <FunctionField source="responseDays" sortable={false} render={responseDays} />
    </Datagrid>
  </List>
);

const DemandFields = () => (
  <>
    <DemandCategoryInput source="category" validate={required()} />
    <TextInput source="title" validate={required()} fullWidth />
    <TextInput source="description" multiline fullWidth />
    <ReferenceInput source="agencyId" reference="agencies" sort={{ field: "name", order: "ASC" }}>
      <AutocompleteInput sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <ReferenceInput source="meetingId" reference="meetings" sort={{ field: "scheduledAt", order: "DESC" }}>
      <AutocompleteInput optionText="title" sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <JalaliDateInput source="raisedOn" validate={required()} notInFuture />
  </>
);

export const DemandCreate = () => (
  <InboxCreate>
    <DemandFields />
  </InboxCreate>
);

export const DemandEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <DemandFields />
      <DemandStatusInput source="status" />
      <JalaliDateInput source="respondedOn" />
      <TextInput source="response" multiline fullWidth />
    </SimpleForm>
  </Edit>
);

/** The agency's dated answer: its status, date and text. */
const DemandActions = () => (
  <InboxActions resource="demands" initialStatus="RAISED">
    <DemandStatusInput source="status" label="وضعیت" validate={required()} />
    <JalaliDateInput source="respondedOn" label="تاریخ پاسخ" notInFuture />
    <TextInput source="response" label="پاسخ" multiline fullWidth />
  </InboxActions>
);

export const DemandShow = () => (
  <Show actions={<DemandActions />}>
    <Stack sx={{ p: 2 }}>
      <Section title="مطالبه">
        <Stack direction="row" flexWrap="wrap" gap={3}>
          <Labeled>
            <TextField source="title" />
          </Labeled>
          <Labeled>
            <DemandCategoryField source="category" />
          </Labeled>
          <Labeled>
            <ReferenceField source="ngoId" reference="ngos" link="show" />
          </Labeled>
          <Labeled>
            <ReferenceField source="agencyId" reference="agencies" link={false} emptyText="—" />
          </Labeled>
          <Labeled>
            <ReferenceField source="meetingId" reference="meetings" link="show" emptyText="—" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="raisedOn" />
          </Labeled>
          <Labeled>
            <DemandStatusChip source="status" />
          </Labeled>
          <Labeled>
            <JalaliDateField source="respondedOn" emptyText="—" />
          </Labeled>
          <Labeled>
            <FunctionField source="responseDays" render={responseDays} />
          </Labeled>
          <Labeled fullWidth>
            <TextField source="description" emptyText="—" />
          </Labeled>
          <Labeled fullWidth>
            <TextField source="response" emptyText="—" />
          </Labeled>
        </Stack>
      </Section>
    </Stack>
  </Show>
);
