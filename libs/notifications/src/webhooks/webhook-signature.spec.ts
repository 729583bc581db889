import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  const body = '{"type":"IncidentReported"}';

  it('verifies what was signed with the same secret and timestamp', () => {
    const signature = signWebhook('s3cret', 1_795_000_000, body);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook('s3cret', 1_795_000_000, body, signature)).toBe(true);
  });

  it('refuses another secret, another timestamp or a changed body', () => {
    const signature = signWebhook('s3cret', 1_795_000_000, body);
    expect(verifyWebhook('other', 1_795_000_000, body, signature)).toBe(false);
    expect(verifyWebhook('s3cret', 1_795_000_001, body, signature)).toBe(false);
    expect(verifyWebhook('s3cret', 1_795_000_000, `${body} `, signature)).toBe(false);
  });
});
