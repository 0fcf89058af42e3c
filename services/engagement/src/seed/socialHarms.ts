import { stableId } from "@hamafza/common";

/** Fixed ids of the seeded harms, so demo data, imports and other services can refer to them. */
export const socialHarmId = (code: string) => stableId("social-harm", code);

/**
 * The national catalogue of 20 social harms (seed 004: «۲۰ آسیب اجتماعی در کشور شناسایی شده است»; DOMAIN.md names
 * addiction, divorce, child labour and marginalisation). Seeded by the migration; administrators manage it after.
 */
export const SEEDED_SOCIAL_HARMS: { code: string; name: string; description: string }[] = [
  { code: "ADDICTION", name: "اعتیاد", description: "مصرف و وابستگی به مواد مخدر و روان‌گردان" },
  { code: "ALCOHOL_USE", name: "مصرف الکل", description: "مصرف مشروبات الکلی و مسمومیت‌های ناشی از آن" },
  { code: "DIVORCE", name: "طلاق", description: "طلاق و گسست خانواده؛ تحکیم بنیان خانواده" },
  { code: "DOMESTIC_VIOLENCE", name: "همسرآزاری و خشونت خانگی", description: "خشونت جسمی، روانی و اقتصادی در خانواده" },
  { code: "CHILD_ABUSE", name: "کودک‌آزاری", description: "آزار جسمی، روانی و غفلت از کودکان" },
  { code: "ELDER_ABUSE", name: "سالمندآزاری", description: "آزار و بی‌توجهی به سالمندان" },
  { code: "CHILD_LABOUR", name: "کودکان کار و خیابان", description: "کار کودکان و حضور کودکان در خیابان" },
  { code: "MARGINALISATION", name: "حاشیه‌نشینی", description: "سکونتگاه‌های غیررسمی و نواحی ناکارآمد شهری" },
  { code: "HOMELESSNESS", name: "کارتن‌خوابی", description: "بی‌خانمانی و کارتن‌خوابی" },
  { code: "BEGGING", name: "تکدی‌گری", description: "تکدی‌گری و گدایی سازمان‌یافته" },
  { code: "RUNAWAY", name: "فرار از منزل", description: "فرار نوجوانان و جوانان از خانه" },
  { code: "SUICIDE", name: "خودکشی", description: "اقدام به خودکشی و پیشگیری از آن" },
  { code: "THEFT", name: "سرقت", description: "سرقت و جرائم علیه اموال" },
  { code: "VIOLENT_CONFLICT", name: "نزاع و درگیری", description: "نزاع دسته‌جمعی و خشونت در اجتماع" },
  { code: "JUVENILE_DELINQUENCY", name: "بزهکاری نوجوانان", description: "بزهکاری کودکان و نوجوانان" },
  { code: "SCHOOL_DROPOUT", name: "ترک تحصیل", description: "بازماندگی و ترک تحصیل دانش‌آموزان" },
  { code: "CHILD_MARRIAGE", name: "ازدواج زودهنگام", description: "ازدواج کودکان و ازدواج زیر سن قانونی" },
  { code: "GAMBLING", name: "قمار و شرط‌بندی", description: "قمار و شرط‌بندی، از جمله در فضای مجازی" },
  {
    code: "CYBER_HARMS",
    name: "آسیب‌های فضای مجازی",
    description: "آسیب‌های اجتماعی فضای مجازی و کلاهبرداری اینترنتی",
  },
  { code: "UNEMPLOYMENT_POVERTY", name: "فقر و بیکاری", description: "بیکاری و فقر به عنوان زمینه‌ساز آسیب‌های دیگر" },
];
