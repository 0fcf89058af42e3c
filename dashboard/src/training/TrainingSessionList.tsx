import { Datagrid, List, SelectInput, TextField } from "react-admin";
import { ListActions } from "../common/export/ListActions";
import { JalaliDateField } from "../common/JalaliDateField";
import { PersianNumberField } from "../common/PersianNumberField";
import { ReferenceFilterInput } from "../common/ReferenceFilterInput";
import { jalaliYearChoices } from "../engagement/periods";
import { TrainingSessionStatusChip, TrainingSessionStatusInput } from "./trainingEnums";

const filters = [
  <SelectInput key="year" source="year" choices={jalaliYearChoices()} alwaysOn />,
  <TrainingSessionStatusInput key="status" source="status" alwaysOn />,
  <ReferenceFilterInput key="countyId" source="countyId" reference="counties" />,
];

/** Training sessions of the user's territory, latest first (docs/training.md). */
export const TrainingSessionList = () => (
  <List actions={<ListActions />} filters={filters} sort={{ field: "startsAt", order: "DESC" }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="topic" />
      <JalaliDateField source="startsAt" showTime />
      <TextField source="provider" sortable={false} />
      <PersianNumberField source="capacity" sortable={false} />
      <PersianNumberField source="invitedCount" sortable={false} />
      <TrainingSessionStatusChip source="status" />
    </Datagrid>
  </List>
);
