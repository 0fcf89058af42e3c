/** The invited users' dashboard: NGO representatives, agency respondents, managers (docs/self-service.md). */
export const selfServiceMessages = {
  hamafza: {
    selfService: {
      menu: {
        myNgo: "سمن من",
        changeRequests: "درخواست‌های اصلاح",
        myAgency: "دستگاه من",
        myResults: "نتایج ارزیابی من",
      },
      hints: {
        myNgo: "مشخصات سمن؛ نشانی و راه‌های تماس، هیئت‌مدیره، توانمندی‌ها و حوزه‌های فعالیت را خودتان به‌روز کنید.",
        changeRequests:
          "نام، شناسه ملی، شماره ثبت و اطلاعات پروانه را کارشناس استانداری یا فرمانداری پس از بررسی تغییر می‌دهد.",
        myAgency: "مطالبات و پیشنهادهایی که به دستگاه شما ارجاع شده است.",
        myResults: "نتیجه ارزیابی شما، از زمانی که دوره ارزیابی در مرحله بازبینی است.",
      },
      home: {
        titles: {
          NGO_REPRESENTATIVE: "پیشخوان نماینده سمن",
          AGENCY_RESPONDENT: "پیشخوان کارشناس پاسخگوی دستگاه",
          MANAGER: "پیشخوان مدیر",
        },
        greeting: "%{name}، خوش آمدید.",
        speaksFor: "شما از سوی «%{name}» وارد شده‌اید.",
        open: "باز کردن",
      },
      ngo: {
        title: "سمن من",
        regulated: "مشخصات ثبتی",
        regulatedHelp:
          "این مشخصات را فقط کارشناس استانداری یا فرمانداری تغییر می‌دهد؛ برای اصلاح آن‌ها درخواست اصلاح بفرستید.",
        contact: "نشانی و راه‌های تماس",
        board: "هیئت‌مدیره",
        capabilities: "توانمندی‌ها و خدمات",
        fields: "حوزه‌های فعالیت",
        noBoard: "عضوی ثبت نشده است.",
        noCapabilities: "توانمندی‌ای ثبت نشده است.",
        noFields: "حوزه‌ای ثبت نشده است.",
        name: "نام",
        nationalId: "شناسه ملی",
        registrationNumber: "شماره ثبت",
        county: "شهرستان",
        licence: "پروانه",
        licenceNumber: "شماره پروانه",
        licenceExpiresOn: "اعتبار تا",
        licenceState: "وضعیت پروانه",
        phone: "تلفن",
        otherPhones: "تلفن‌های دیگر",
        address: "نشانی",
        membersCount: "تعداد اعضا",
        volunteersCount: "تعداد داوطلبان",
        notFound: "سمن شما پیدا نشد؛ با کارشناسی که شما را دعوت کرده است تماس بگیرید.",
      },
      agency: {
        title: "دستگاه من",
        name: "دستگاه",
        demands: "مطالبات ارجاع‌شده به دستگاه",
        proposals: "پیشنهادهای ارجاع‌شده به دستگاه",
      },
      results: {
        title: "نتایج ارزیابی من",
        empty: "هنوز نتیجه‌ای برای بازبینی شما منتشر نشده است.",
        year: "سال",
        position: "سمت",
        total: "امتیاز",
        grade: "رتبه",
      },
    },
  },
};
