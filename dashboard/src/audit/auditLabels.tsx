import { enumComponents } from '../common/enumComponents';

export const AUDIT_OUTCOME_LABELS = {
  SUCCESS: 'موفق',
  DENIED: 'ردشده',
  FAILED: 'ناموفق',
} as const;

/** Persian names of the audited actions (mutation names and sign-in events); others show as recorded. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  LOGIN: 'ورود به سامانه',
  LOGOUT: 'خروج از سامانه',
  createUser: 'ایجاد کاربر',
  updateUser: 'ویرایش کاربر',
  resetUserPassword: 'بازنشانی گذرواژه',
  changeMyPassword: 'تغییر گذرواژه',
  createNgo: 'ثبت سمن',
  updateNgo: 'ویرایش سمن',
  deleteNgo: 'حذف سمن',
  createMeeting: 'ثبت نشست',
  updateMeeting: 'ویرایش نشست',
  deleteMeeting: 'حذف نشست',
};

export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  User: 'کاربر',
  Session: 'نشست ورود',
  Ngo: 'سمن',
  Meeting: 'نشست',
};

export const { Field: AuditOutcomeField, Input: AuditOutcomeInput } = enumComponents(AUDIT_OUTCOME_LABELS);
export const { Input: AuditActionInput } = enumComponents(AUDIT_ACTION_LABELS);
export const { Input: AuditEntityTypeInput } = enumComponents(AUDIT_ENTITY_LABELS);
