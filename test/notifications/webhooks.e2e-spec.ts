import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { verifyWebhook } from '#libs/notifications';
import { aReport, startApi, TestApi } from '../support/api';
import { waitFor } from '../support/processes';
import { startWorker, TestWorker } from '../support/worker';

jest.setTimeout(30_000);

interface Hit {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A subscriber on loopback that can be told to fail for a while. */
function subscriber() {
  const hits: Hit[] = [];
  // Fail the first N posts of each incident: deliveries left over from earlier suites may arrive
  // at the same time, and must not use up the failures meant for the incident under test.
  let failFirstPerIncident = 0;
  const seen = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      hits.push({ headers: req.headers, body });
      const id = (JSON.parse(body) as { incidentId: string }).incidentId;
      seen.set(id, (seen.get(id) ?? 0) + 1);
      res.statusCode = seen.get(id)! <= failFirstPerIncident ? 503 : 204;
      res.end();
    });
  });
  return {
    hits,
    failFirstOfEachIncident: (n: number) => (failFirstPerIncident = n),
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('signed webhooks', () => {
  let api: TestApi;
  let worker: TestWorker;
  const hook = subscriber();
  let subscription: { id: string; secret: string };

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    const url = await hook.start();
    subscription = (
      await (
        await api.as('admin')
      )
        .post('/api/v1/admin/webhooks', { url, eventTypes: ['IncidentReported'] })
        .expect(201)
    ).body;
  });
  afterAll(async () => {
    await api.http
      .delete(`/api/v1/admin/webhooks/${subscription.id}`)
      .set('Authorization', `Bearer ${await api.token('admin')}`);
    await worker.close();
    await api.close();
    await hook.stop();
  });

  it('posts a signed event that carries ids, reference, type and times only', async () => {
    const { body } = await (
      await api.as('chris')
    )
      .post('/api/v1/incidents', aReport({ summary: 'Case notes about Ottoline Fairweather left on a printer.' }))
      .expect(201);
    await worker.drain();
    await waitFor(async () => hook.hits.some((h) => h.body.includes(body.id)));
    const hit = hook.hits.find((h) => h.body.includes(body.id))!;
    const timestamp = Number(hit.headers['x-breach-desk-timestamp']);
    expect(
      verifyWebhook(subscription.secret, timestamp, hit.body, String(hit.headers['x-breach-desk-signature'])),
    ).toBe(true);
    expect(verifyWebhook('whsec_wrong', timestamp, hit.body, String(hit.headers['x-breach-desk-signature']))).toBe(
      false,
    );
    expect(Object.keys(JSON.parse(hit.body)).sort()).toEqual([
      'at',
      'deliveryId',
      'eventId',
      'incidentId',
      'reference',
      'type',
      'version',
    ]);
    expect(JSON.parse(hit.body)).toMatchObject({
      type: 'IncidentReported',
      reference: body.reference,
      incidentId: body.id,
    });
    expect(hit.body).not.toContain('Ottoline');
  });

  it('retries with backoff while the subscriber fails, then records the delivery', async () => {
    hook.failFirstOfEachIncident(2);
    const { body } = await (await api.as('chris')).post('/api/v1/incidents', aReport()).expect(201);
    await worker.drain();
    const mine = () => hook.hits.filter((h) => h.body.includes(body.id));
    await waitFor(async () => mine().length >= 3, 20_000);
    const eventId = (JSON.parse(mine()[0].body) as { eventId: string }).eventId;
    await waitFor(async () => {
      const deliveries = (await (await api.as('admin')).get(`/api/v1/admin/webhooks/${subscription.id}/deliveries`))
        .body as { status: string; attempts: number; eventId: string }[];
      const delivery = deliveries.find((d) => String(d.eventId) === String(eventId));
      return delivery?.status === 'delivered' && delivery.attempts === 3;
    }, 20_000);
    expect(mine()).toHaveLength(3);
  });

  it('shows the secret only once and lets only an administrator manage subscriptions', async () => {
    const list = (await (await api.as('admin')).get('/api/v1/admin/webhooks').expect(200)).body as object[];
    expect(JSON.stringify(list)).not.toContain(subscription.secret);
    expect((await (await api.as('dpo')).get('/api/v1/admin/webhooks')).status).toBe(403);
    const bad = await (await api.as('admin')).post('/api/v1/admin/webhooks', { url: 'not a url', eventTypes: [] });
    expect(bad.status).toBe(400);
  });
});
