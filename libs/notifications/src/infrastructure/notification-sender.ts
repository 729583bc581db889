import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '#libs/config';
import { icoDeadline, IncidentSystemWriter } from '#libs/incidents';
import { formatLondon } from '#libs/shared';
import { isMessageKind } from '../message-kinds';
import { MessageRenderer } from '../message-renderer';
import { MailTransport } from './mail-transport';

export type SendResult = 'sent' | 'skipped';

/** The send row is not committed yet (the relay's transaction is still open): retry later. */
export class SendNotVisibleError extends Error {
  override name = 'SendNotVisibleError';
}

/** The receiving server refused for good (unknown mailbox, bad address): retrying cannot help. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

interface SendRow {
  id: string;
  incident_id: string;
  recipient_id: string;
  kind: string;
  status: string;
  email: string;
  reference: string;
  aware_at: Date;
  hours_before: number | null;
  action_due: string | null;
}

/**
 * Sends one message from the send log. A send marked `sent` or `failed` is never sent
 * again, so a retried or stalled job, or a redelivered event, sends nothing twice. Each
 * delivery and each final failure becomes an event on the incident.
 */
@Injectable()
export class NotificationSender {
  private readonly renderer = new MessageRenderer();

  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailTransport,
    private readonly writer: IncidentSystemWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(sendId: string): Promise<SendResult> {
    const rows: SendRow[] = await this.dataSource.query(
      `SELECT s.id, s.incident_id, s.recipient_id, s.kind, s.status, p.email, i.reference, i.aware_at,
              (e.payload #>> '{data,hoursBefore}')::int AS hours_before,
              (SELECT a->>'dueAt' FROM jsonb_array_elements(i.detail #> '{lessons,actions}') a
                WHERE a->>'id' = e.payload #>> '{data,actionId}') AS action_due
         FROM notification_sends s
         JOIN people p ON p.id = s.recipient_id
         JOIN incidents i ON i.id = s.incident_id
         JOIN incident_events e ON e.id = s.event_id
        WHERE s.id = $1`,
      [sendId],
    );
    const send = rows[0];
    if (!send) throw new SendNotVisibleError();
    if (send.status === 'sent' || send.status === 'failed' || !isMessageKind(send.kind)) return 'skipped';
    await this.dataSource.query(
      `UPDATE notification_sends SET status = 'sending', attempts = attempts + 1 WHERE id = $1`,
      [send.id],
    );
    const message = this.renderer.render(send.kind, {
      reference: send.reference,
      deadline: formatLondon(new Date(icoDeadline(send.aware_at.toISOString()))),
      hoursLeft: send.hours_before,
      actionDue: send.action_due ? formatLondon(new Date(send.action_due)) : null,
      // Recipients of a lessons circular may not see the incident itself: they get their reading list.
      link: `${this.config.PUBLIC_URL ?? `http://${this.config.HOST}:${this.config.PORT}`}${
        send.kind === 'lessons-circulated' ? '/lessons' : `/incidents/${send.incident_id}`
      }`,
    });
    try {
      await this.mail.send({ to: send.email, ...message, messageId: `<${send.id}@breach-desk>` });
    } catch (error) {
      const code = (error as { responseCode?: number; code?: string }).responseCode;
      const reason = code ? `smtp-${code}` : ((error as { code?: string }).code ?? 'smtp-error');
      await this.dataSource.query('UPDATE notification_sends SET last_error = $2 WHERE id = $1', [send.id, reason]);
      // 5xx is the server's final word (RFC 5321 §4.2.1); 4xx and broken connections are worth retrying.
      if (code && code >= 500) throw new PermanentDeliveryError(reason);
      throw error;
    }
    await this.dataSource.query(`UPDATE notification_sends SET status = 'sent', sent_at = now() WHERE id = $1`, [
      send.id,
    ]);
    await this.recordOutcome(send, null);
    return 'sent';
  }

  /** After the last attempt, or a permanent refusal: recorded, not retried for ever. */
  async markFailed(sendId: string, reason: string): Promise<void> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [SendRow[], number] = await this.dataSource.query(
      `UPDATE notification_sends SET status = 'failed', last_error = $2 WHERE id = $1 AND status <> 'sent'
       RETURNING id, incident_id, recipient_id, kind`,
      [sendId, reason],
    );
    if (rows[0]) await this.recordOutcome(rows[0], reason);
  }

  private recordOutcome(send: Pick<SendRow, 'id' | 'incident_id' | 'recipient_id' | 'kind'>, reason: string | null) {
    return this.writer.record(send.incident_id, (incident, now) =>
      incident.recordNotificationOutcome(
        { sendId: send.id, kind: send.kind, recipientId: send.recipient_id, reason },
        now,
      ),
    );
  }
}
