import Typography from "@mui/material/Typography";
import {
  ArrayField,
  BooleanField,
  ChipField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { INCLUDE_OPERATORS } from "./FacilitationOfficeForm";

export const FacilitationOfficeShow = () => (
  <Show queryOptions={INCLUDE_OPERATORS}>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="areaId" reference="informalSettlementAreas" link="show" />
      <ReferenceField source="countyId" reference="counties" link="show" />
      <ReferenceField source="partnerAgencyId" reference="agencies" link="show" emptyText="—" />
      <ArrayField source="operators">
        <SingleFieldList linkType="show" resource="ngos" empty={<Typography>—</Typography>}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ArrayField>
      <JalaliDateField source="openedOn" />
      <BooleanField source="hasDedicatedSpace" />
      <TextField source="notes" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);
