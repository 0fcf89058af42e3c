import Chip from "@mui/material/Chip";
import {
  SelectArrayInput,
  SelectField,
  SelectInput,
  useFieldValue,
  type FieldProps,
  type SelectArrayInputProps,
  type SelectFieldProps,
  type SelectInputProps,
} from "react-admin";

export type ChipColor = "default" | "primary" | "secondary" | "error" | "info" | "success" | "warning";

/** A Persian-labelled field and filter input for one GraphQL enum, from its value → label table. */
export function enumComponents(labels: Readonly<Record<string, string>>) {
  const choices = enumChoices(labels);
  return {
    choices,
    Field: (props: Omit<SelectFieldProps, "choices">) => (
      <SelectField {...props} choices={choices} translateChoice={false} />
    ),
    Input: (props: Omit<SelectInputProps, "choices">) => (
      <SelectInput {...props} choices={choices} translateChoice={false} />
    ),
    ArrayInput: (props: Omit<SelectArrayInputProps, "choices">) => (
      <SelectArrayInput {...props} choices={choices} translateChoice={false} />
    ),
  };
}

export function enumChoices(labels: Readonly<Record<string, string>>) {
  return Object.entries(labels).map(([id, name]) => ({ id, name }));
}

/** An enum value shown as a coloured chip (states, urgencies …). */
export function enumChip(labels: Readonly<Record<string, string>>, colors: Readonly<Record<string, ChipColor>>) {
  const ChipField = (props: FieldProps) => {
    const value = useFieldValue(props);
    if (value == null || value === "") return null;
    const key = String(value);
    return <Chip size="small" color={colors[key] ?? "default"} label={labels[key] ?? key} data-value={key} />;
  };
  return ChipField;
}
