import { Datagrid, List, ReferenceField, SearchInput, TextField } from 'react-admin';
import { JalaliDateField } from '../common/JalaliDateField';
import { ReferenceFilterInput } from '../common/ReferenceFilterInput';
import { NgoStatusField, NgoStatusInput } from './ngoStatus';

const ngoFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NgoStatusInput key="status" source="status" alwaysOn />,
  <ReferenceFilterInput key="provinceId" source="provinceId" reference="provinces" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
];

export const NgoList = () => (
  <List filters={ngoFilters} sort={{ field: 'name', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <ReferenceField source="countyId" reference="counties" link={false} sortable={false} />
      <NgoStatusField source="status" />
      <JalaliDateField source="foundedOn" />
    </Datagrid>
  </List>
);
