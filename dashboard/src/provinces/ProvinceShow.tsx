import { Datagrid, Pagination, ReferenceManyField, Show, SimpleShowLayout, TextField } from "react-admin";

export const ProvinceShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
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
          <TextField source="code" />
          <TextField source="name" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
