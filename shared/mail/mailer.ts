/**
 * The one interface mail goes out through, and its two transports: Amazon SES (SESv2 SendEmail with
 * the raw MIME message, in AWS) and SMTP (the local mail catcher; in the China regions, where SES is
 * not offered, a relay the operator configures). Both compose the MIME message with nodemailer, so a
 * mail caught locally is byte for byte the kind of mail SES sends.
 */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** RFC 8058 one-click unsubscribe (List-Unsubscribe + List-Unsubscribe-Post). */
  unsubscribeUrl?: string;
  /** For the SES event stream and the logs: which event and kind this mail is. */
  tags?: Record<string, string>;
}

export interface Mailer {
  readonly transport: 'ses' | 'smtp';
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

function message(from: string, mail: OutgoingMail) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    ...(mail.unsubscribeUrl ? { headers: { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
  };
}

export function createSmtpMailer(options: { url: string; from: string }): Mailer {
  // Pooled: a stream batch sends many mails; one connection per mail would spend most of its time in handshakes.
  const transporter = nodemailer.createTransport({ url: options.url, pool: true, maxConnections: 2 });
  return {
    transport: 'smtp',
    async send(mail) {
      const info = await transporter.sendMail(message(options.from, mail));
      return { messageId: String(info.messageId) };
    },
    close: () => transporter.close(),
  };
}

export function createSesMailer(options: { from: string; configurationSet?: string; region?: string; client?: SESv2Client }): Mailer {
  const sesClient = options.client ?? new SESv2Client(options.region ? { region: options.region } : {});
  const transporter = nodemailer.createTransport({ SES: { sesClient, SendEmailCommand } });
  return {
    transport: 'ses',
    async send(mail) {
      const tags = Object.entries(mail.tags ?? {}).map(([Name, Value]) => ({ Name, Value: Value.replace(/[^\w-]/g, '_').slice(0, 256) }));
      const info = await transporter.sendMail({
        ...message(options.from, mail),
        ses: { ...(options.configurationSet ? { ConfigurationSetName: options.configurationSet } : {}), ...(tags.length ? { EmailTags: tags } : {}) },
      } as never);
      return { messageId: String((info as { response?: string; messageId?: string }).response ?? info.messageId) };
    },
    close: () => transporter.close(),
  };
}

/**
 * MAIL_TRANSPORT=ses (MAIL_FROM, MAIL_CONFIGURATION_SET) or smtp (SMTP_URL, MAIL_FROM); unset or none:
 * no mail (in-app notifications only). A half-configured transport is an error, not silence.
 */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  const transport = env.MAIL_TRANSPORT ?? 'none';
  if (transport === 'none') return null;
  const from = env.MAIL_FROM;
  if (!from) throw new Error('MAIL_FROM must be set when MAIL_TRANSPORT is ses or smtp');
  if (transport === 'ses') return createSesMailer({ from, ...(env.MAIL_CONFIGURATION_SET ? { configurationSet: env.MAIL_CONFIGURATION_SET } : {}) });
  if (transport === 'smtp') {
    if (!env.SMTP_URL) throw new Error('SMTP_URL must be set when MAIL_TRANSPORT=smtp (e.g. smtps://user:pass@smtp.example.cn:465)');
    return createSmtpMailer({ url: env.SMTP_URL, from });
  }
  throw new Error(`MAIL_TRANSPORT must be ses, smtp or none, not ${transport}`);
}
