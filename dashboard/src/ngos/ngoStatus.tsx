import { enumComponents } from '../common/enumComponents';

export const NGO_STATUS_LABELS = {
  ACTIVE: 'فعال',
  INACTIVE: 'غیرفعال',
  DISSOLVED: 'منحل',
} as const;

export const { Field: NgoStatusField, Input: NgoStatusInput } = enumComponents(NGO_STATUS_LABELS);
