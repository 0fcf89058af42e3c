import Typography from "@mui/material/Typography";
import { SelectInput, useFieldValue, useGetList, type FieldProps, type SelectInputProps } from "react-admin";

interface FieldOfActivity {
  id: string;
  code: string;
  name: string;
}

const ALL_FIELDS = { pagination: { page: 1, perPage: 100 }, sort: { field: "sortOrder", order: "ASC" as const } };

/**
 * A field of activity chosen by its name where the API keeps its code (a proposal's `fieldCode`): the choices are
 * the registry's fields, the value their stable code.
 */
export const FieldOfActivityCodeInput = (props: Omit<SelectInputProps, "choices">) => {
  const { data, isPending } = useGetList<FieldOfActivity>("fieldsOfActivity", ALL_FIELDS);
  return (
    <SelectInput
      {...props}
      isPending={isPending}
      choices={(data ?? []).map((field) => ({ id: field.code, name: field.name }))}
      sx={{ minWidth: 240, ...props.sx }}
    />
  );
};

/** A field of activity kept by code, shown by its Persian name (the code only if the registry has no such field). */
export const FieldOfActivityCodeField = ({ emptyText, ...props }: FieldProps) => {
  const code = useFieldValue(props) as string | null | undefined;
  const { data } = useGetList<FieldOfActivity>(
    "fieldsOfActivity",
    { ...ALL_FIELDS, filter: { codes: code ? [code] : [] } },
    { enabled: Boolean(code) },
  );
  const name = data?.find((field) => field.code === code)?.name;
  return (
    <Typography component="span" variant="body2">
      {code ? (name ?? code) : (emptyText ?? "")}
    </Typography>
  );
};
