import {
  ChipField,
  ReferenceArrayField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
} from 'react-admin';
import { JalaliDateField } from '../common/JalaliDateField';
import { MeetingKindField, MeetingStatusField } from './meetingEnums';

export const MeetingShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="title" />
      <MeetingKindField source="kind" />
      <MeetingStatusField source="status" />
      <JalaliDateField source="scheduledAt" showTime />
      <ReferenceField source="countyId" reference="counties" link="show" emptyText="—" />
      <ReferenceField source="chairId" reference="managers" link={false} emptyText="—" />
      <ReferenceArrayField source="ngoIds" reference="ngos">
        <SingleFieldList linkType="show">
          <ChipField source="name" />
        </SingleFieldList>
      </ReferenceArrayField>
    </SimpleShowLayout>
  </Show>
);
