import Typography from "@mui/material/Typography";
import {
  BooleanField,
  Datagrid,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { AreaKindField } from "./areaEnums";
import { PersianNumberField } from "../common/PersianNumberField";

export const InformalSettlementAreaShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <AreaKindField source="kind" />
      <ReferenceField source="countyId" reference="counties" link="show" />
      <ReferenceField source="provinceId" reference="provinces" link="show" />
      <PersianNumberField source="estimatedPopulation" emptyText="—" />
      <TextField source="notes" emptyText="—" />
      <ReferenceManyField
        reference="facilitationOffices"
        target="areaId"
        label="hamafza.areas.offices"
        sort={{ field: "name", order: "ASC" }}
      >
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography>—</Typography>}>
          <TextField source="name" />
          <JalaliDateField source="openedOn" />
          <BooleanField source="hasDedicatedSpace" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
