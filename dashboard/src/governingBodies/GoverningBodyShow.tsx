import Typography from "@mui/material/Typography";
import { ArrayField, ChipField, ReferenceField, Show, SimpleShowLayout, SingleFieldList, TextField } from "react-admin";

/** The body's committees and the projects they defined are read as included lists. */
const INCLUDE_PARTS = { meta: { include: ["workingGroups", "projects"] } };

export const GoverningBodyShow = () => (
  <Show queryOptions={INCLUDE_PARTS}>
    <SimpleShowLayout>
      <TextField source="name" />
      <ReferenceField source="provinceId" reference="provinces" link="show" />
      <ReferenceField source="countyId" reference="counties" link="show" emptyText="—" />
      <TextField source="description" emptyText="—" />
      <ArrayField source="workingGroups">
        <SingleFieldList linkType="show" resource="workingGroups" empty={<Typography>—</Typography>}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ArrayField>
      <ArrayField source="projects">
        <SingleFieldList linkType="show" resource="projects" empty={<Typography>—</Typography>}>
          <ChipField source="title" size="small" />
        </SingleFieldList>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);
