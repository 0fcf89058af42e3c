import {
  BooleanField,
  Datagrid,
  List,
  NullableBooleanInput,
  ReferenceField,
  SearchInput,
  TextField,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { ProjectStatusChip, ProjectStatusInput } from "../engagement/engagementEnums";
import { ListActions } from "../common/export/ListActions";

const projectFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ProjectStatusInput key="status" source="status" alwaysOn />,
  <NullableBooleanInput key="unfinished" source="unfinished" alwaysOn />,
  <NullableBooleanInput key="late" source="late" />,
  <ReferenceFilterInput key="workingGroupId" source="workingGroupId" reference="workingGroups" />,
  <ReferenceFilterInput key="responsibleAgencyId" source="responsibleAgencyId" reference="agencies" />,
  <ReferenceFilterInput key="areaId" source="areaId" reference="informalSettlementAreas" />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
];

export const ProjectList = () => (
  <List actions={<ListActions />} filters={projectFilters} sort={{ field: "plannedEndOn", order: "ASC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="title" />
      <ReferenceField source="workingGroupId" reference="workingGroups" link={false} sortable={false} emptyText="—" />
      <ReferenceField source="areaId" reference="informalSettlementAreas" link={false} sortable={false} emptyText="—" />
      <ReferenceField source="responsibleAgencyId" reference="agencies" link={false} sortable={false} emptyText="—" />
      <JalaliDateField source="startOn" emptyText="—" />
      <JalaliDateField source="plannedEndOn" emptyText="—" />
      <JalaliDateField source="closedOn" emptyText="—" />
      <ProjectStatusChip source="status" />
      <BooleanField source="late" sortable={false} />
    </Datagrid>
  </List>
);
