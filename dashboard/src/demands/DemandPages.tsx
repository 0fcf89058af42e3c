import ReplyIcon from '@mui/icons-material/Reply';
import Stack from '@mui/material/Stack';
import {
  AutocompleteInput,
  Create,
  Datagrid,
  Edit,
  EditButton,
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
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useRecordContext,
  type RaRecord,
} from 'react-admin';
import { ActionDialogButton } from '../common/ActionDialog';
import { JalaliDateField } from '../common/JalaliDateField';
import { JalaliDateInput } from '../common/JalaliDateInput';
import { toPersianDigits } from '../common/persianDigits';
import { ReferenceFilterInput } from '../common/ReferenceFilterInput';
import { ProvinceCountyInputs, useTerritoryDefaults } from '../common/TerritoryInputs';
import { DemandCategoryField, DemandCategoryInput, DemandStatusChip, DemandStatusInput } from '../engagement/engagementEnums';
import { jalaliPeriodFilters } from '../engagement/PeriodInputs';
import { Section } from '../meetings/MeetingShow';

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

const days = (record: RaRecord) => (record.responseDays == null ? '' : toPersianDigits(record.responseDays));

/** The demands inbox: per agency (filter), unrouted and unanswered ones at hand. */
export const DemandList = () => (
  <List filters={demandFilters} sort={{ field: 'raisedOn', order: 'DESC' }} title="صندوق مطالبات سمن‌ها">
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="title" />
      <DemandCategoryField source="category" />
      <ReferenceField source="ngoId" reference="ngos" link={false} sortable={false} />
      <ReferenceField source="agencyId" reference="agencies" link={false} sortable={false} emptyText="—" />
      <JalaliDateField source="raisedOn" />
      <DemandStatusChip source="status" />
      <JalaliDateField source="respondedOn" emptyText="—" />
      <FunctionField source="responseDays" sortable={false} render={days} />
    </Datagrid>
  </List>
);

const DemandFields = () => (
  <>
    <DemandCategoryInput source="category" validate={required()} />
    <TextInput source="title" validate={required()} fullWidth />
    <TextInput source="description" multiline fullWidth />
    <ReferenceInput source="agencyId" reference="agencies" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <ReferenceInput source="meetingId" reference="meetings" sort={{ field: 'scheduledAt', order: 'DESC' }}>
      <AutocompleteInput optionText="title" sx={{ minWidth: 320 }} />
    </ReferenceInput>
    <JalaliDateInput source="raisedOn" validate={required()} notInFuture />
  </>
);

export const DemandCreate = () => {
  const territory = useTerritoryDefaults();
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={territory}>
        <ReferenceInput source="ngoId" reference="ngos" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput validate={required()} sx={{ minWidth: 320 }} />
        </ReferenceInput>
        <ProvinceCountyInputs provinceRequired />
        <DemandFields />
      </SimpleForm>
    </Create>
  );
};

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

const RespondButton = () => {
  const record = useRecordContext();
  const dataProvider = useDataProvider();
  if (!record) return null;
  return (
    <ActionDialogButton
      label="ثبت پاسخ دستگاه"
      icon={<ReplyIcon />}
      defaultValues={{ status: record.status === 'RAISED' ? 'UNDER_REVIEW' : record.status, response: record.response ?? '' }}
      onSubmit={(values) => dataProvider.update('demands', { id: record.id, data: values, previousData: record })}
    >
      <DemandStatusInput source="status" label="وضعیت" validate={required()} />
      <JalaliDateInput source="respondedOn" label="تاریخ پاسخ" notInFuture />
      <TextInput source="response" label="پاسخ" multiline fullWidth />
    </ActionDialogButton>
  );
};

const DemandActions = () => {
  const { canAccess } = useCanAccess({ resource: 'demands', action: 'edit' });
  return <TopToolbar>{canAccess ? [<RespondButton key="respond" />, <EditButton key="edit" />] : null}</TopToolbar>;
};

export const DemandShow = () => (
  <Show actions={<DemandActions />}>
    <Stack sx={{ p: 2 }}>
      <Section title="مطالبه">
        <Stack direction="row" flexWrap="wrap" gap={3}>
          <Labeled><TextField source="title" /></Labeled>
          <Labeled><DemandCategoryField source="category" /></Labeled>
          <Labeled><ReferenceField source="ngoId" reference="ngos" link="show" /></Labeled>
          <Labeled><ReferenceField source="agencyId" reference="agencies" link={false} emptyText="—" /></Labeled>
          <Labeled><ReferenceField source="meetingId" reference="meetings" link="show" emptyText="—" /></Labeled>
          <Labeled><JalaliDateField source="raisedOn" /></Labeled>
          <Labeled><DemandStatusChip source="status" /></Labeled>
          <Labeled><JalaliDateField source="respondedOn" emptyText="—" /></Labeled>
          <Labeled><FunctionField source="responseDays" render={days} /></Labeled>
          <Labeled fullWidth><TextField source="description" emptyText="—" /></Labeled>
          <Labeled fullWidth><TextField source="response" emptyText="—" /></Labeled>
        </Stack>
      </Section>
    </Stack>
  </Show>
);
