import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/**
 * A real SMTP server for tests whose behaviour a test can turn: refuse everything for a
 * while (421, a temporary failure), refuse one mailbox for good (550), or take the DATA and
 * hold its reply, so a test can kill the sender in the middle of a send.
 */
export class TestSmtpServer {
  readonly received: Received[] = [];
  refusing = false;
  holding = false;
  held = 0;
  readonly unknownMailboxes = new Set<string>();
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<string> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onMailFrom: (_address, _session, callback) => {
        if (!this.refusing) return callback();
        callback(Object.assign(new Error('Try again later'), { responseCode: 421 }));
      },
      onRcptTo: (address, _session, callback) => {
        if (!this.unknownMailboxes.has(address.address)) return callback();
        callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const message: Received = {
              messageId: mail.messageId ?? '',
              to: [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? '')),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
            };
            if (this.holding) {
              // Never answer: the message is not accepted until the server says 250.
              this.held += 1;
              return;
            }
            this.received.push(message);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (server.server.address() as AddressInfo).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): Received[] {
    return this.received.filter((m) => m.to.includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
