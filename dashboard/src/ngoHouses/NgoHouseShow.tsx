import Typography from "@mui/material/Typography";
import { ArrayField, Datagrid, ReferenceField, Show, SimpleShowLayout, TextArrayField, TextField } from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { LtrTextField } from "../common/LtrTextField";

export const NgoHouseShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="provinceId" reference="provinces" link="show" />
      <ReferenceField source="countyId" reference="counties" link="show" emptyText="hamafza.common.provincial" />
      <TextField source="address" emptyText="—" />
      <TextField source="managerName" emptyText="—" />
      <LtrTextField source="managerPhone" emptyText="—" />
      <JalaliDateField source="openedOn" emptyText="—" />
      <TextArrayField source="facilities" emptyText="—" />
      <ArrayField source="memberships" label="hamafza.ngoHouses.members">
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography>—</Typography>}>
          <ReferenceField source="ngoId" reference="ngos" link="show" label="resources.ngoHouses.fields.members" />
          <JalaliDateField source="joinedOn" label="hamafza.ngoHouses.joinedOn" emptyText="—" />
        </Datagrid>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);
