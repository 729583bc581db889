import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMessage {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: Date;
}

const KEEP = 500;

/**
 * An SMTP server that keeps what it receives in memory: the development default when no
 * SMTP_URL is set, and the real SMTP peer of the tests. It speaks SMTP for real, so the
 * service's mail path is the same as in production up to the wire.
 */
export class SmtpCatcher {
  /** The catcher of this process, if any, for the development-only mail page. */
  static current?: SmtpCatcher;
  readonly messages: CaughtMessage[] = [];
  private server?: SMTPServer;

  async start(port = 0, host = '127.0.0.1'): Promise<number> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.messages.push({
              messageId: mail.messageId ?? '',
              to: [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? '')),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              receivedAt: new Date(),
            });
            if (this.messages.length > KEEP) this.messages.shift();
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return (server.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
