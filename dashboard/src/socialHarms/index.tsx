import HealingIcon from "@mui/icons-material/Healing";
import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  List,
  NullableBooleanInput,
  NumberField,
  NumberInput,
  required,
  SearchInput,
  SimpleForm,
  TextField,
  TextInput,
  type ResourceProps,
} from "react-admin";
import { LtrTextField } from "../common/LtrTextField";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
];

/** The catalogue of social harms agenda items address (administrators keep it). */
export const SocialHarmList = () => (
  <List filters={filters} sort={{ field: "sortOrder", order: "ASC" }} perPage={50}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <NumberField source="sortOrder" />
      <LtrTextField source="code" />
      <TextField source="name" />
      <TextField source="description" sortable={false} emptyText="—" />
      <BooleanField source="active" sortable={false} />
    </Datagrid>
  </List>
);

const SocialHarmCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <TextInput source="code" validate={required()} helperText="حروف بزرگ لاتین و زیرخط، مثل ADDICTION" />
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="description" multiline fullWidth />
      <NumberInput source="sortOrder" />
    </SimpleForm>
  </Create>
);

const SocialHarmEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="description" multiline fullWidth />
      <NumberInput source="sortOrder" />
      <BooleanInput source="active" />
    </SimpleForm>
  </Edit>
);

const socialHarms: Omit<ResourceProps, "name"> = {
  list: SocialHarmList,
  create: SocialHarmCreate,
  edit: SocialHarmEdit,
  icon: HealingIcon,
  recordRepresentation: "name",
};

export default socialHarms;
