import GroupsIcon from '@mui/icons-material/Groups';
import type { ResourceProps } from 'react-admin';
import { NgoList } from './NgoList';
import { NgoShow } from './NgoShow';

const ngos: Omit<ResourceProps, 'name'> = {
  list: NgoList,
  show: NgoShow,
  icon: GroupsIcon,
  recordRepresentation: 'name',
};

export default ngos;
