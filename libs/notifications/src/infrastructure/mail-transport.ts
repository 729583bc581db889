import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import nodemailer from 'nodemailer';
import { APP_CONFIG, AppConfig } from '#libs/config';
import { SmtpCatcher } from './smtp-catcher';

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable per send, so a receiving system that dedupes on Message-ID keeps one copy. */
  messageId: string;
}

/** One nodemailer transport to SMTP_URL; without one, to an embedded catcher (development). */
@Injectable()
export class MailTransport implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private transport?: ReturnType<typeof nodemailer.createTransport>;
  private catcher?: SmtpCatcher;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    let url = this.config.SMTP_URL;
    if (!url) {
      this.catcher = new SmtpCatcher();
      const port = await this.catcher.start(this.config.SMTP_CATCHER_PORT);
      url = `smtp://127.0.0.1:${port}`;
      SmtpCatcher.current = this.catcher;
      this.logger.log(`no SMTP_URL: mail goes to the embedded catcher on port ${port}`);
    }
    this.transport = nodemailer.createTransport(url, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as object);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport!.sendMail({ from: this.config.MAIL_FROM, ...mail });
  }

  async onApplicationShutdown(): Promise<void> {
    this.transport?.close();
    await this.catcher?.stop();
  }
}
