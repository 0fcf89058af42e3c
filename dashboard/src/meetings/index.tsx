import EventIcon from '@mui/icons-material/Event';
import type { ResourceProps } from 'react-admin';
import { MeetingList } from './MeetingList';
import { MeetingShow } from './MeetingShow';

const meetings: Omit<ResourceProps, 'name'> = {
  list: MeetingList,
  show: MeetingShow,
  icon: EventIcon,
  recordRepresentation: 'title',
};

export default meetings;
