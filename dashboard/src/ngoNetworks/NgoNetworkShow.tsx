import Typography from "@mui/material/Typography";
import { ArrayField, ChipField, ReferenceField, Show, SimpleShowLayout, SingleFieldList, TextField } from "react-admin";
import { INCLUDE_MEMBERS } from "./NgoNetworkForm";

export const NgoNetworkShow = () => (
  <Show queryOptions={INCLUDE_MEMBERS}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="field.name" label="resources.ngoNetworks.fields.fieldId" />
      <ReferenceField source="coordinatorNgoId" reference="ngos" link="show" emptyText="—" />
      <ReferenceField source="provinceId" reference="provinces" link="show" />
      <ReferenceField source="countyId" reference="counties" link="show" emptyText="hamafza.common.provincial" />
      <ArrayField source="members">
        <SingleFieldList linkType="show" resource="ngos" empty={<Typography>—</Typography>}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);
