import { SelectField, SelectInput, type SelectFieldProps, type SelectInputProps } from 'react-admin';
import { toChoices } from '../common/choices';

export const MEETING_KIND_LABELS = {
  QUARTERLY_PROBLEM_CENTRED: 'نشست فصلی مسئله‌محور',
  NGO_EXCHANGE: 'نشست ماهانه تبادل تجربه سمن‌ها',
  WORKING_GROUP_SESSION: 'جلسه کارگروه',
  COUNCIL: 'شورا',
  OTHER: 'سایر',
} as const;

export const MEETING_STATUS_LABELS = {
  PLANNED: 'برنامه‌ریزی‌شده',
  HELD: 'برگزارشده',
  CANCELLED: 'لغوشده',
} as const;

export const meetingKindChoices = toChoices(MEETING_KIND_LABELS);
export const meetingStatusChoices = toChoices(MEETING_STATUS_LABELS);

type FieldProps = Omit<SelectFieldProps, 'choices'>;
type InputProps = Omit<SelectInputProps, 'choices'>;

export const MeetingKindField = (props: FieldProps) => (
  <SelectField {...props} choices={meetingKindChoices} translateChoice={false} />
);

export const MeetingStatusField = (props: FieldProps) => (
  <SelectField {...props} choices={meetingStatusChoices} translateChoice={false} />
);

export const MeetingKindInput = (props: InputProps) => (
  <SelectInput {...props} choices={meetingKindChoices} translateChoice={false} />
);

export const MeetingStatusInput = (props: InputProps) => (
  <SelectInput {...props} choices={meetingStatusChoices} translateChoice={false} />
);
