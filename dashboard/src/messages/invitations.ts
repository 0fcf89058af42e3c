/** The invitations screen (officials invite NGO representatives, agency respondents, managers). Keys under `hamafza.*`. */
export const invitationMessages = {
  hamafza: {
    invitations: {
      menu: "دعوت نمایندگان",
      title: "دعوت نمایندگان سمن، کارشناسان دستگاه‌ها و مدیران",
      intro:
        "نماینده سمن، کارشناس پاسخگوی دستگاه یا مدیر را دعوت کنید؛ کد دعوت یک بار نشان داده می‌شود و تا هفت روز اعتبار دارد. آن را به‌طور خصوصی به فرد بدهید تا گذرواژه‌اش را تعیین کند.",
      invite: "دعوت تازه",
      reinvite: "دعوت دوباره",
      disable: "غیرفعال‌کردن",
      disabled: "غیرفعال",
      empty: "هنوز کسی دعوت نشده است.",
      username: "نام کاربری",
      displayName: "نام",
      role: "نقش",
      boundRecord: "سمن، دستگاه یا مدیر",
      state: "وضعیت دعوت",
      lastLoginAt: "آخرین ورود",
      authorisationReference: "شماره و تاریخ معرفی‌نامه",
      authorisationHelp:
        "نماینده سمن را پس از دیدن معرفی‌نامه سمن دعوت کنید و شماره و تاریخ آن را این‌جا بنویسید (برای دستگاه و مدیر: حکم یا نامه معرفی).",
      submit: "دعوت",
      cancel: "انصراف",
      close: "بستن",
      copy: "رونوشت",
      copied: "رونوشت شد.",
      codeOnce:
        "این کد و نشانی فقط همین یک بار نمایش داده می‌شود؛ آن را به‌طور خصوصی به فرد بدهید. تا %{expires} اعتبار دارد.",
      code: "کد دعوت",
      link: "نشانی تعیین گذرواژه",
      acceptTitle: "تعیین گذرواژه با دعوت‌نامه",
      greeting:
        "%{name}، شما به‌عنوان «%{role}» به هم‌افزا دعوت شده‌اید. نام کاربری شما «%{username}» است؛ گذرواژه خود را تعیین کنید.",
      password: "گذرواژه (دست‌کم ۱۰ نویسه)",
      confirmPassword: "تکرار گذرواژه",
      setPassword: "تعیین گذرواژه",
      accepted: "گذرواژه شما تعیین شد. از این پس با نام کاربری «%{username}» و همین گذرواژه وارد شوید.",
      disabledDone: "حساب غیرفعال شد و نشست‌ها و دعوت باز آن بسته شد.",
      roles: {
        NGO_REPRESENTATIVE: "نماینده سمن",
        AGENCY_RESPONDENT: "کارشناس پاسخگوی دستگاه",
        MANAGER: "مدیر",
      },
      states: {
        OPEN: "در انتظار پذیرش",
        USED: "پذیرفته شد",
        EXPIRED: "منقضی",
        REVOKED: "باطل",
        NONE: "—",
      },
    },
  },
};
