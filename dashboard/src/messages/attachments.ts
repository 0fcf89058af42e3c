/** The attachments panel on meeting, resolution, project and licence pages. */
export const attachmentMessages = {
  hamafza: {
    attachments: {
      title: "پیوست‌ها",
      empty: "پیوستی ندارد.",
      fileName: "نام پرونده",
      kind: "نوع پیوست",
      size: "اندازه",
      kb: "%{n} کیلوبایت",
      mb: "%{n} مگابایت",
      uploadedBy: "بارگذاری‌کننده",
      uploadedAt: "زمان بارگذاری",
      upload: "بارگذاری پرونده",
      uploading: "در حال بارگذاری…",
      uploaded: "پرونده بارگذاری شد.",
      download: "دریافت",
      remove: "حذف پیوست",
      confirmRemove: "پیوست «%{name}» حذف شود؟",
      help: "PDF، تصویر (PNG، JPEG، WebP، TIFF) یا سند Word/Excel؛ نوع از محتوای پرونده شناخته می‌شود.",
      kinds: {
        MINUTES: "صورت‌جلسه",
        ATTENDANCE_SHEET: "فهرست حاضران امضاشده",
        PHOTO: "عکس",
        LICENCE_SCAN: "تصویر پروانه",
        COMPLETION_EVIDENCE: "مستند انجام",
        DOCUMENT: "سند دیگر",
      },
    },
  },
};
