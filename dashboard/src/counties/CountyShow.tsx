import Typography from "@mui/material/Typography";
import {
  Datagrid,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
} from "react-admin";
import { LtrTextField } from "../common/LtrTextField";
import { JalaliDateField } from "../common/JalaliDateField";
import { AreaKindField } from "../informalSettlementAreas/areaEnums";
import { NgoStatusField } from "../ngos/ngoStatus";
import { CountyQuarterReport } from "./CountyQuarterReport";
import { PersianNumberField } from "../common/PersianNumberField";

export const CountyShow = () => (
  <Show>
    <SimpleShowLayout>
      <LtrTextField source="code" />
      <TextField source="name" />
      <ReferenceField source="provinceId" reference="provinces" link="show" />
      <CountyQuarterReport />
      <ReferenceManyField
        reference="ngos"
        target="countyId"
        label="hamafza.counties.ngos"
        sort={{ field: "name", order: "ASC" }}
        pagination={<Pagination />}
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="name" />
          <NgoStatusField source="status" />
          <JalaliDateField source="foundedOn" />
        </Datagrid>
      </ReferenceManyField>
      <ReferenceManyField
        reference="informalSettlementAreas"
        target="countyId"
        label="hamafza.counties.areas"
        sort={{ field: "name", order: "ASC" }}
      >
        <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography>—</Typography>}>
          <TextField source="name" />
          <AreaKindField source="kind" />
          <PersianNumberField source="estimatedPopulation" emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
