import { AutocompleteInput, ReferenceInput } from "react-admin";

export interface ReferenceFilterInputProps {
  source: string;
  reference: string;
  alwaysOn?: boolean;
}

export const ReferenceFilterInput = ({ source, reference }: ReferenceFilterInputProps) => (
  <ReferenceInput source={source} reference={reference} sort={{ field: "name", order: "ASC" }}>
    <AutocompleteInput sx={{ minWidth: 220 }} />
  </ReferenceInput>
);
