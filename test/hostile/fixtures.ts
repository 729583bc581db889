import { DEMO_PARTNER } from '#libs/directory';
import { personId, TestApi, Who } from '../support/api';
import type { Ctx } from './route-table';
import { validBodies } from './valid-bodies';

const RECIPIENTS: Who[] = ['dpo', 'governance', 'emt', 'auditor', 'chris', 'partner'];

/** An incident Chris has just reported. */
export async function reportedIncident(api: TestApi): Promise<string> {
  const res = await (await api.as('chris')).post('/api/v1/incidents', validBodies().report).expect(201);
  return (res.body as { id: string }).id;
}

/** An incident Chris reported, decided, with lessons learnt (one action) circulated to all but Priya. */
export async function decidedWithLessons(api: TestApi): Promise<{ id: string; action: string }> {
  const body = validBodies();
  const dpo = await api.as('dpo');
  const { id } = (await (await api.as('chris')).post('/api/v1/incidents', body.report).expect(201)).body as {
    id: string;
  };
  const url = `/api/v1/incidents/${id}`;
  await dpo.post(`${url}/acknowledge`).expect(200);
  await dpo.post(`${url}/assessments`, body.assessments).expect(200);
  await dpo.post(`${url}/decision`, body.decision).expect(200);
  await dpo.post(`${url}/lessons`, body.lessons).expect(200);
  await dpo.post(`${url}/lessons/circulate`, { personIds: RECIPIENTS.map(personId) }).expect(200);
  const detail = (await dpo.get(url).expect(200)).body as { lessons: { actions: { id: string }[] } };
  return { id, action: detail.lessons.actions[0].id };
}

/** The objects the routes act on (see Ctx), and a webhook subscription nobody will hear from. */
export async function makeObjects(api: TestApi): Promise<Ctx> {
  const incident = await decidedWithLessons(api);
  const circulated = await decidedWithLessons(api);
  const admin = await api.as('admin');
  const webhook = await admin
    .post('/api/v1/admin/webhooks', { url: 'http://127.0.0.1:9/never', eventTypes: ['NeverHappens'] })
    .expect(201);
  const keys = `/api/v1/admin/partners/${DEMO_PARTNER.id}/api-keys`;
  const partnerKey = (await admin.post(keys, { label: 'Repairs portal' }).expect(201)).body as { key: string };
  const spareKey = (await admin.post(keys, { label: 'Old portal' }).expect(201)).body as { id: string };
  return {
    partnerKey: partnerKey.key,
    spareKey: spareKey.id,
    incident: incident.id,
    action: incident.action,
    circulated: circulated.id,
    webhook: (webhook.body as { id: string }).id,
  };
}
