import { Datagrid, List, ReferenceField, SearchInput, TextField } from 'react-admin';
import { JalaliDateField } from '../common/JalaliDateField';
import { ReferenceFilterInput } from '../common/ReferenceFilterInput';
import { MeetingKindField, MeetingKindInput, MeetingStatusField, MeetingStatusInput } from './meetingEnums';

const meetingFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <MeetingKindInput key="kind" source="kind" alwaysOn />,
  <MeetingStatusInput key="status" source="status" alwaysOn />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
  <ReferenceFilterInput key="ngoId" source="ngoId" reference="ngos" />,
];

export const MeetingList = () => (
  <List filters={meetingFilters} sort={{ field: 'scheduledAt', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="title" />
      <MeetingKindField source="kind" />
      <ReferenceField source="countyId" reference="counties" link={false} sortable={false} emptyText="—" />
      <JalaliDateField source="scheduledAt" showTime />
      <MeetingStatusField source="status" />
    </Datagrid>
  </List>
);
