import { SelectField, SelectInput, type SelectFieldProps, type SelectInputProps } from 'react-admin';
import { toChoices } from '../common/choices';

export const NGO_STATUS_LABELS = {
  ACTIVE: 'فعال',
  INACTIVE: 'غیرفعال',
  DISSOLVED: 'منحل',
} as const;

export const ngoStatusChoices = toChoices(NGO_STATUS_LABELS);

export const NgoStatusField = (props: Omit<SelectFieldProps, 'choices'>) => (
  <SelectField {...props} choices={ngoStatusChoices} translateChoice={false} />
);

export const NgoStatusInput = (props: Omit<SelectInputProps, 'choices'>) => (
  <SelectInput {...props} choices={ngoStatusChoices} translateChoice={false} />
);
