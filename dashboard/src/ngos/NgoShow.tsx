import {
  Datagrid,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';
import { JalaliDateField } from '../common/JalaliDateField';
import { MeetingKindField, MeetingStatusField } from '../meetings/meetingEnums';
import { NgoStatusField } from './ngoStatus';

export const NgoShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="nationalId" />
      <TextField source="registrationNumber" emptyText="—" />
      <NgoStatusField source="status" />
      <ReferenceField source="countyId" reference="counties" link="show" />
      <ReferenceField source="countyId" reference="counties" link={false} label="resources.ngos.fields.provinceId">
        <ReferenceField source="provinceId" reference="provinces" link="show" />
      </ReferenceField>
      <JalaliDateField source="foundedOn" emptyText="—" />
      <TextField source="phone" emptyText="—" />
      <JalaliDateField source="createdAt" showTime />
      <JalaliDateField source="updatedAt" showTime />
      <ReferenceManyField
        reference="meetings"
        target="ngoId"
        label="hamafza.ngos.meetings"
        sort={{ field: 'scheduledAt', order: 'DESC' }}
        pagination={<Pagination />}
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="title" />
          <MeetingKindField source="kind" />
          <JalaliDateField source="scheduledAt" showTime />
          <MeetingStatusField source="status" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
