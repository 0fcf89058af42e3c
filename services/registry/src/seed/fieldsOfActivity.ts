import { stableId } from "@hamafza/common";

/**
 * The seeded taxonomy of fields of activity (DOMAIN.md glossary). The codes are those of `data/demo-ngos.csv`'s
 * `field` column; ids are fixed so demo data and other services can refer to them. Administrators may add more.
 */
export const SEEDED_FIELDS: { code: string; name: string; description: string }[] = [
  { code: "YOUTH", name: "جوانان", description: "توانمندسازی، مشارکت و سازمان‌دهی جوانان و داوطلبان جوان" },
  {
    code: "SOCIAL_HARM_PREVENTION",
    name: "پیشگیری از آسیب‌های اجتماعی",
    description: "اعتیاد، طلاق، کودکان کار، حاشیه‌نشینی و دیگر آسیب‌های اجتماعی",
  },
  { code: "DISABILITY", name: "معلولان و توان‌یابی", description: "حمایت، توان‌بخشی و اشتغال افراد دارای معلولیت" },
  {
    code: "WOMEN_FAMILY",
    name: "زنان و خانواده",
    description: "زنان سرپرست خانوار، سلامت و توانمندی زنان و تحکیم خانواده",
  },
  {
    code: "ENVIRONMENT",
    name: "محیط زیست و منابع طبیعی",
    description: "حفاظت از طبیعت، آب، دریاچه‌ها، جنگل‌ها و آموزش زیست‌محیطی",
  },
  { code: "HEALTH", name: "سلامت", description: "حمایت از بیماران، پیشگیری و آموزش سلامت" },
  { code: "CULTURE", name: "فرهنگ، هنر و میراث", description: "فعالیت‌های فرهنگی، هنری و حفاظت از میراث فرهنگی" },
  { code: "CHARITY", name: "خیریه و نیکوکاری", description: "امور خیریه، حمایت از نیازمندان و ایتام" },
  { code: "EDUCATION", name: "آموزش و مهارت‌آموزی", description: "آموزش رسمی و غیررسمی، سوادآموزی و مهارت‌آموزی" },
  {
    code: "URBAN_DEVELOPMENT",
    name: "توسعه شهری و محله‌ای",
    description: "توسعه محله، نواحی ناکارآمد شهری و مشارکت شهروندی",
  },
  { code: "CHILDREN", name: "کودکان و نوجوانان", description: "حقوق، آموزش و حمایت از کودکان و نوجوانان" },
  { code: "ELDERLY", name: "سالمندان", description: "مراقبت و حمایت از سالمندان" },
  { code: "EMPLOYMENT", name: "اشتغال و کارآفرینی", description: "کارآفرینی، اشتغال و معیشت پایدار" },
  { code: "DISASTER_RELIEF", name: "امداد و مدیریت بحران", description: "آمادگی و امدادرسانی در حوادث و بلایا" },
  { code: "SPORTS", name: "ورزش", description: "ورزش همگانی و ورزش قهرمانی" },
];

export const fieldOfActivityId = (code: string) => stableId("field-of-activity", code);
