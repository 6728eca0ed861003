/**
 * The local mail catcher: MailDev (from the npm registry) takes the marketplace's SMTP mail and shows
 * it in a web inbox, with a REST API the tests read mail back from (GET /api/email). It never relays.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MailDev } from 'maildev';

export interface LocalMail {
  /** Where the mailer sends: smtp://127.0.0.1:<port> */
  smtpUrl: string;
  /** The web inbox (and its REST API under /api). */
  inboxUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface CaughtMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string; name?: string }[];
  headers: Record<string, string>;
  time: string;
}

export async function startLocalMail(options: { smtpPort?: number; webPort?: number; host?: string; dataDir?: string } = {}): Promise<LocalMail> {
  const host = options.host ?? '127.0.0.1';
  // Its own directory: MailDev's default (/tmp/maildev) would be shared by every runner on the machine.
  const temporary = !options.dataDir;
  const mailDirectory = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'marketplace-mail-')));
  const maildev = new MailDev({ smtp: options.smtpPort ?? 0, web: options.webPort ?? 0, ip: host, webIp: host, silent: true, mailDirectory } as never);
  // MailDev announces its address with console.info even when silent; the runner prints its own line.
  const info = console.info;
  console.info = () => {};
  let servers;
  try {
    servers = await maildev.start();
  } catch (error) {
    throw new Error(`the local mail catcher cannot listen (SMTP ${options.smtpPort ?? 0}, inbox ${options.webPort ?? 0}): ${(error as Error).message} (set MAIL_SMTP_PORT / MAIL_WEB_PORT to free ports)`);
  } finally {
    console.info = info;
  }
  const smtp = servers.smtp.getAddress();
  const web = (servers as unknown as { api: { getAddress(): { port: number } | null } }).api.getAddress();
  if (!web) throw new Error('the local mail catcher started without its web inbox');
  return {
    smtpUrl: `smtp://${host}:${smtp.port}`,
    inboxUrl: `http://${host}:${web.port}`,
    dataDir: mailDirectory,
    async stop() {
      await maildev.stop();
      if (temporary) await rm(mailDirectory, { recursive: true, force: true });
    },
  };
}

/** Every mail the catcher holds (oldest first), as its REST API returns them. */
export async function caughtMail(inboxUrl: string): Promise<CaughtMail[]> {
  const response = await fetch(`${inboxUrl}/api/email`);
  if (!response.ok) throw new Error(`mail catcher answered ${response.status}`);
  return (await response.json()) as CaughtMail[];
}
