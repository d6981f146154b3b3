import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export type MailMessage = { to: string; subject: string; text: string; fromName: string };

/** What sends email: nodemailer over SMTP in the app, a fake in unit tests. */
export type Mailer = { send(message: MailMessage): Promise<void> };

/** An address with the sender's name on it, unless MAIL_FROM already names one ("Clinic <a@b>"). */
function fromHeader(mailFrom: string, fromName: string): string | { name: string; address: string } {
  return mailFrom.includes("<") || !fromName ? mailFrom : { name: fromName, address: mailFrom };
}

/** Sends through SMTP_URL (smtp:// upgrades with STARTTLS when offered, smtps:// is TLS from the start). */
export function smtpMailer(smtpUrl: string, mailFrom: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send({ to, subject, text, fromName }) {
      await transport.sendMail({ from: fromHeader(mailFrom, fromName), to, subject, text });
    },
  };
}

let cached: Mailer | null | undefined;

/** This server's mailer, or null when SMTP_URL and MAIL_FROM are not configured. */
export function configuredMailer(): Mailer | null {
  if (cached === undefined) {
    const { mail } = env();
    cached = mail ? smtpMailer(mail.smtpUrl, mail.from) : null;
  }
  return cached;
}
