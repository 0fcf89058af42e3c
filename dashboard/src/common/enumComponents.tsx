import { SelectField, SelectInput, type SelectFieldProps, type SelectInputProps } from 'react-admin';

/** A Persian-labelled field and filter input for one GraphQL enum, from its value → label table. */
export function enumComponents(labels: Readonly<Record<string, string>>) {
  const choices = Object.entries(labels).map(([id, name]) => ({ id, name }));
  return {
    Field: (props: Omit<SelectFieldProps, 'choices'>) => (
      <SelectField {...props} choices={choices} translateChoice={false} />
    ),
    Input: (props: Omit<SelectInputProps, 'choices'>) => (
      <SelectInput {...props} choices={choices} translateChoice={false} />
    ),
  };
}
