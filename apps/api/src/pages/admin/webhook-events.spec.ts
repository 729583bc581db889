import { rehydrateEvent } from '#libs/incidents';
import { isWebhookEventType, WEBHOOK_EVENT_OPTIONS } from './webhook-events';

describe('the events a webhook form offers', () => {
  it('are event types the store knows, each once, with what it means', () => {
    const meta = { at: '2026-11-24T09:00:00Z', actorId: 'p', actorRoles: [] };
    for (const { value, text } of WEBHOOK_EVENT_OPTIONS) {
      expect(rehydrateEvent('i', value, { meta, data: {} }).type).toBe(value);
      expect(text).toMatch(new RegExp(`^${value}: [a-z]`));
    }
    expect(new Set(WEBHOOK_EVENT_OPTIONS.map((o) => o.value)).size).toBe(WEBHOOK_EVENT_OPTIONS.length);
  });

  it('takes only those', () => {
    expect(isWebhookEventType('IncidentReported')).toBe(true);
    expect(isWebhookEventType('NeverHappens')).toBe(false);
  });
});
