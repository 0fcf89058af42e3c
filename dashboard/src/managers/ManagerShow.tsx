import Divider from "@mui/material/Divider";
import { BooleanField, EditButton, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { ManagerEngagementTab } from "../engagement/EngagementTabs";
import { EndTenureButton } from "./EndTenureButton";
import { PositionKindField } from "./managerEnums";

const ManagerShowActions = () => (
  <TopToolbar>
    <EndTenureButton />
    <EditButton />
  </TopToolbar>
);

/** A manager's details and tenure, then the meetings they chaired, the resolutions they own and their scores. */
export const ManagerShow = () => (
  <Show actions={<ManagerShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="position" />
      <PositionKindField source="positionKind" />
      <ReferenceField source="agencyId" reference="agencies" link="show" />
      <ReferenceField source="provinceId" reference="provinces" link="show" />
      <ReferenceField source="countyId" reference="counties" link="show" emptyText="—" />
      <JalaliDateField source="tenureStart" />
      <JalaliDateField source="tenureEnd" emptyText="—" />
      <BooleanField source="isCurrent" />
    </SimpleShowLayout>
    <Divider />
    <ManagerEngagementTab />
  </Show>
);
