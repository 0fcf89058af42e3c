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
import { PositionKindField } from "../managers/managerEnums";
import { AgencyKindField } from "./agencyEnums";

export const AgencyShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <AgencyKindField source="kind" />
      <ReferenceField source="provinceId" reference="provinces" link="show" />
      <ReferenceField source="countyId" reference="counties" link="show" emptyText="—" />
      <ReferenceManyField
        reference="managers"
        target="agencyId"
        label="hamafza.agencies.managers"
        sort={{ field: "tenureStart", order: "DESC" }}
      >
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography>—</Typography>}>
          <TextField source="name" />
          <TextField source="position" />
          <PositionKindField source="positionKind" />
          <JalaliDateField source="tenureStart" />
          <JalaliDateField source="tenureEnd" emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
      <ReferenceManyField
        reference="facilitationOffices"
        target="partnerAgencyId"
        label="hamafza.agencies.facilitationOffices"
        sort={{ field: "name", order: "ASC" }}
      >
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography>—</Typography>}>
          <TextField source="name" />
          <TextField source="area.name" label="resources.facilitationOffices.fields.areaId" />
          <BooleanField source="hasDedicatedSpace" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
