import {
  ArrayField,
  ChipField,
  Datagrid,
  ReferenceArrayField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
} from "react-admin";
import { JalaliDateField } from "../common/JalaliDateField";
import { PersianNumberField } from "../common/PersianNumberField";
import { AssessmentDimensionField } from "./needsAssessmentEnums";

export const NeedsAssessmentShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="areaId" reference="informalSettlementAreas" link="show" />
      <ReferenceField source="countyId" reference="counties" link="show" />
      <JalaliDateField source="assessedOn" />
      <ReferenceArrayField source="ngoIds" reference="ngos">
        <SingleFieldList linkType="show">
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ReferenceArrayField>
      <TextField source="socialFindings" emptyText="—" />
      <TextField source="economicFindings" emptyText="—" />
      <TextField source="physicalFindings" emptyText="—" />
      <TextField source="environmentalFindings" emptyText="—" />
      <ArrayField source="priorityNeeds">
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <PersianNumberField source="rank" label="resources.needsAssessments.fields.rank" />
          <AssessmentDimensionField source="dimension" label="resources.needsAssessments.fields.dimension" />
          <TextField source="description" label="resources.needsAssessments.fields.description" />
        </Datagrid>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);
