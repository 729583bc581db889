import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { TimerFiring, TimerReconciler } from '#libs/clock';
import { loadConfig } from '#libs/config';
import { aReport, startApi, TestApi } from '../support/api';
import { waitFor } from '../support/processes';
import { startWorker, TestWorker } from '../support/worker';

const HOUR = 3_600_000;

describe('the 72-hour clock on real Redis', () => {
  let api: TestApi;
  let worker: TestWorker;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  async function reportedIncident(overrides: Record<string, unknown> = {}) {
    const { body } = await (await api.as('chris')).post('/api/v1/incidents', aReport(overrides)).expect(201);
    await worker.drain();
    return body as { id: string; version: number };
  }

  const timelineTypes = async (id: string) => {
    const res = await (await api.as('dpo')).get(`/api/v1/incidents/${id}/timeline`).expect(200);
    return (res.body.entries as { type: string }[]).map((e) => e.type);
  };

  it('schedules every timer of a new report as a delayed job with a deterministic id', async () => {
    const incident = await reportedIncident();
    const ids = await worker.timerIds(incident.id);
    expect(ids.map((id) => id.split('_')[2])).toEqual(
      ['ack-escalation', 'decision-escalation', 'ico-deadline', 'reminder-12h', 'reminder-24h', 'reminder-4h'].sort(),
    );
    const job = await worker.timers.getJob(ids[0]);
    // Ids only in the payload: nothing of the breach itself reaches Redis.
    expect(Object.keys(job!.data).sort()).toEqual(['awareAt', 'incidentId', 'timer']);
  });

  it('replaces the whole set when the awareness time moves', async () => {
    const incident = await reportedIncident();
    const before = await worker.timerIds(incident.id);
    await (
      await api.as('dpo')
    )
      .post(`/api/v1/incidents/${incident.id}/awareness`, {
        awareAt: new Date(Date.now() - 60_000).toISOString(),
        justification: 'Confirmed by the manager.',
      })
      .expect(200);
    await worker.drain();
    const after = await worker.timerIds(incident.id);
    expect(after).toHaveLength(before.length);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
  });

  it('drops the acknowledgement escalation once the DPO acknowledges', async () => {
    const incident = await reportedIncident();
    await (await api.as('dpo')).post(`/api/v1/incidents/${incident.id}/acknowledge`).expect(200);
    await worker.drain();
    expect((await worker.timerIds(incident.id)).some((id) => id.includes('_ack-escalation_'))).toBe(false);
  });

  it('rebuilds every timer after FLUSHALL, and none twice', async () => {
    const a = await reportedIncident();
    const b = await reportedIncident();
    const expected = [...(await worker.timerIds(a.id)), ...(await worker.timerIds(b.id))];
    const redis = new Redis(loadConfig().REDIS_URL);
    await redis.flushall();
    expect(await worker.timerIds(a.id)).toEqual([]);
    await worker.app.get(TimerReconciler).reconcile();
    await worker.app.get(TimerReconciler).reconcile();
    expect([...(await worker.timerIds(a.id)), ...(await worker.timerIds(b.id))]).toEqual(expected);
    await redis.quit();
  });

  it('escalates an unacknowledged report to the Head of Governance once, however often the timer fires', async () => {
    const incident = await reportedIncident();
    worker.clock.set(new Date(Date.now() + 4 * HOUR + 1000));
    const ackJobId = (await worker.timerIds(incident.id)).find((id) => id.includes('_ack-escalation_'))!;
    const job = await worker.timers.getJob(ackJobId);
    await job!.promote();
    await waitFor(async () => (await timelineTypes(incident.id)).includes('EscalationRaised'));
    // A duplicate delivery of the same timer records nothing more.
    expect(await worker.app.get(TimerFiring).fire(job!.data)).toEqual({ result: 'skipped' });
    const types = await timelineTypes(incident.id);
    expect(types.filter((t) => t === 'EscalationRaised')).toHaveLength(1);
    worker.clock.set(new Date());
  });

  it('records nothing for a timer whose condition no longer holds', async () => {
    const incident = await reportedIncident();
    await (await api.as('dpo')).post(`/api/v1/incidents/${incident.id}/acknowledge`).expect(200);
    worker.clock.set(new Date(Date.now() + 5 * HOUR));
    const detail = await (await api.as('dpo')).get(`/api/v1/incidents/${incident.id}`).expect(200);
    const result = await worker.app
      .get(TimerFiring)
      .fire({ incidentId: incident.id, timer: 'ack-escalation', awareAt: detail.body.times.awareAt });
    expect(result).toEqual({ result: 'skipped' });
    worker.clock.set(new Date());
  });

  it('puts a timer that arrives early back to sleep instead of acting on it', async () => {
    const incident = await reportedIncident();
    const detail = await (await api.as('dpo')).get(`/api/v1/incidents/${incident.id}`).expect(200);
    const result = await worker.app
      .get(TimerFiring)
      .fire({ incidentId: incident.id, timer: 'ico-deadline', awareAt: detail.body.times.awareAt });
    expect(result).toEqual({ result: 'early', dueAt: new Date(detail.body.times.icoDeadlineAt) });
  });

  it('marks the ICO deadline missed when 72 hours pass with the obligation open', async () => {
    const incident = await reportedIncident();
    const detail = await (await api.as('dpo')).get(`/api/v1/incidents/${incident.id}`).expect(200);
    worker.clock.set(new Date(Date.parse(detail.body.times.icoDeadlineAt) + 1));
    const firing = worker.app.get(TimerFiring);
    expect(
      await firing.fire({ incidentId: incident.id, timer: 'ico-deadline', awareAt: detail.body.times.awareAt }),
    ).toEqual({ result: 'recorded' });
    expect(await timelineTypes(incident.id)).toContain('IcoDeadlineMissed');
    worker.clock.set(new Date());
    const [{ n }] = await api.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM incident_events WHERE incident_id = $1 AND type = 'IcoDeadlineMissed'`, [
        incident.id,
      ]);
    expect(n).toBe(1);
  });
});
