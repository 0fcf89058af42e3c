/**
 * The CSV column headers the server's NGO import recognises, as the template file offers them: a data format shared
 * with services/registry's importer (the English ones of data/demo-ngos.csv work too), not UI text.
 */
export const TEMPLATE_HEADERS = [
  "نام",
  "شناسه ملی",
  "شماره ثبت",
  "کد شهرستان",
  "حوزه فعالیت",
  "تاریخ تأسیس",
  "تلفن",
  "نشانی",
  "تعداد اعضا",
  "تعداد داوطلبان",
  "وضعیت",
  "گستره فعالیت",
];
