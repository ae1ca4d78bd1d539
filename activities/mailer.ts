// Sending one message over SMTP. Temporary failures are thrown for Temporal to retry with
// backoff; a permanent refusal (5xx) is marked as such so it is not retried.
import nodemailer from 'nodemailer';
import { ApplicationFailure } from '@temporalio/activity';

export interface OutgoingMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A mailer over a pool of `connections` SMTP connections (SMTP_POOL_CONNECTIONS). */
export function createSmtpMailer(smtpUrl: string, connections = 4): Mailer {
  const transport = nodemailer.createTransport(smtpUrl, {
    pool: true,
    maxConnections: connections,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as never);
  return {
    async send(mail) {
      try {
        await transport.sendMail({ ...mail, to: mail.to.join(', '), textEncoding: 'base64' } as never);
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500) {
          throw ApplicationFailure.nonRetryable(
            `SMTP refused the message: ${(err as Error).message}`,
            'PERMANENT_MAIL_FAILURE',
          );
        }
        throw err;
      }
    },
    close: () => transport.close(),
  };
}
