import { Datagrid, Pagination, ReferenceManyField, Show, SimpleShowLayout, TextField } from "react-admin";
import { LtrTextField } from "../common/LtrTextField";

export const ProvinceShow = () => (
  <Show>
    <SimpleShowLayout>
      <LtrTextField source="code" />
      <TextField source="name" />
      <ReferenceManyField
        reference="counties"
        target="provinceId"
        label="hamafza.provinces.counties"
        sort={{ field: "code", order: "ASC" }}
        perPage={25}
        pagination={<Pagination />}
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <LtrTextField source="code" />
          <TextField source="name" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
