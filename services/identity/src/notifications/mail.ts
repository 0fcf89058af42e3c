import { integerSetting, toPersianDigits } from "@hamafza/common";
import nodemailer, { Transporter } from "nodemailer";

/**
 * Email of notifications (nodemailer), only when SMTP is configured (README, Configuration): HAMAFZA_SMTP_HOST and
 * the variables beside it. Messages are Persian, right to left, as HTML and as plain text.
 */

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
  /** Base of the links in emails (the dashboard's address). */
  publicUrl: string;
}

/** The SMTP settings, or null when HAMAFZA_SMTP_HOST is not set (no email; the inbox still works). */
export function smtpSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpSettings | null {
  const host = env.HAMAFZA_SMTP_HOST?.trim();
  if (!host) return null;
  const secure = env.HAMAFZA_SMTP_SECURE === "1";
  if (env.HAMAFZA_SMTP_SECURE && !["0", "1"].includes(env.HAMAFZA_SMTP_SECURE))
    throw new Error(`HAMAFZA_SMTP_SECURE=${JSON.stringify(env.HAMAFZA_SMTP_SECURE)} is not valid: expected 0 or 1.`);
  return {
    host,
    port: integerSetting("HAMAFZA_SMTP_PORT", secure ? 465 : 587, { min: 1, max: 65535 }, env),
    secure,
    user: env.HAMAFZA_SMTP_USER || null,
    password: env.HAMAFZA_SMTP_PASSWORD || null,
    from: env.HAMAFZA_SMTP_FROM || "هم‌افزا <no-reply@hamafza.local>",
    publicUrl: (env.HAMAFZA_PUBLIC_URL || "http://127.0.0.1:4000").replace(/\/+$/, ""),
  };
}

export function createTransport(settings: SmtpSettings): Transporter {
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? "" } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

export interface MailItem {
  title: string;
  body: string;
  reason: string;
  link: string | null;
}

export interface Mail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const absolute = (publicUrl: string, link: string | null) => (link ? `${publicUrl}/${link.replace(/^\/+/, "")}` : null);

function itemText(item: MailItem, publicUrl: string): string {
  const url = absolute(publicUrl, item.link);
  return [item.title, item.body, `چرا این پیام: ${item.reason}`, url ? `مشاهده: ${url}` : null]
    .filter(Boolean)
    .join("\n");
}

function itemHtml(item: MailItem, publicUrl: string): string {
  const url = absolute(publicUrl, item.link);
  return [
    `<h2 style="font-size:16px;margin:0 0 8px">${escapeHtml(item.title)}</h2>`,
    `<p style="margin:0 0 8px">${escapeHtml(item.body)}</p>`,
    `<p style="margin:0 0 8px;color:#555;font-size:13px">چرا این پیام: ${escapeHtml(item.reason)}</p>`,
    url ? `<p style="margin:0"><a href="${escapeHtml(url)}">مشاهده در هم‌افزا</a></p>` : "",
  ].join("");
}

const page = (content: string) =>
  `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>هم‌افزا</title></head>` +
  `<body dir="rtl" style="font-family:Tahoma,Vazirmatn,sans-serif;text-align:right;direction:rtl">${content}` +
  `<hr><p style="color:#777;font-size:12px">این پیام را سامانه هم‌افزا فرستاده است؛ تنظیم اعلان‌ها در حساب کاربری شما.</p></body></html>`;

/** One notification as an email. */
export function singleMail(item: MailItem, publicUrl: string): Mail {
  return { subject: item.title, text: itemText(item, publicUrl), html: page(itemHtml(item, publicUrl)) };
}

/** The daily digest: every notification of the day in one email. */
export function digestMail(items: MailItem[], publicUrl: string): Mail {
  const subject = `خلاصه اعلان‌های هم‌افزا: ${toPersianDigits(String(items.length))} اعلان تازه`;
  return {
    subject,
    text: items.map((item) => itemText(item, publicUrl)).join("\n\n---\n\n"),
    html: page(
      `<h1 style="font-size:18px">${escapeHtml(subject)}</h1>` +
        items.map((item) => `<div style="margin:0 0 16px">${itemHtml(item, publicUrl)}</div>`).join(""),
    ),
  };
}
