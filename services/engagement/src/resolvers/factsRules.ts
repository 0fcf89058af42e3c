export const NO_NGO = "هیچ سمنی در نشست حضور نداشت";
export const NOT_PROBLEM_CENTRED = "نشست فصلی مسئله‌محور نیست";
export const NO_FOCUS = "دستور جلسه‌ای مرتبط با آسیب اجتماعی یا مطالبه سمن نداشت";
export const NO_RESOLUTION = "مصوبه‌ای نداشت";

export const MAX_MANAGERS = 50_000;
