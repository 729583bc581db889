import type { AddressInfo, Server } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { loadConfig } from '#libs/config';
import { DEMO_PEOPLE } from '#libs/directory';
import { ApiModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/http/configure-app';

export type Who = 'dpo' | 'governance' | 'emt' | 'auditor' | 'admin' | 'chris' | 'priya' | 'partner';

const PERSON: Record<Who, string> = {
  dpo: DEMO_PEOPLE[0].id,
  governance: DEMO_PEOPLE[1].id,
  emt: DEMO_PEOPLE[2].id,
  auditor: DEMO_PEOPLE[3].id,
  admin: DEMO_PEOPLE[4].id,
  chris: DEMO_PEOPLE[5].id,
  priya: DEMO_PEOPLE[6].id,
  partner: DEMO_PEOPLE[7].id,
};

export const personId = (who: Who) => PERSON[who];

/** The real API module, configured exactly as main.ts does, on the test database. */
export async function startApi(): Promise<TestApi> {
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(loadConfig())] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureApp(app, loadConfig());
  await app.init();
  return new TestApi(app);
}

export class TestApi {
  private readonly tokens = new Map<Who, string>();

  constructor(readonly app: INestApplication) {}

  get http() {
    return request(this.app.getHttpServer());
  }

  async token(who: Who): Promise<string> {
    const cached = this.tokens.get(who);
    if (cached) return cached;
    const res = await this.http.post('/api/v1/dev/sign-in').send({ personId: PERSON[who] }).expect(200);
    const token = (res.body as { accessToken: string }).accessToken;
    this.tokens.set(who, token);
    return token;
  }

  async as(who: Who) {
    const auth = `Bearer ${await this.token(who)}`;
    return {
      get: (path: string) => this.http.get(path).set('Authorization', auth),
      post: (path: string, body: object = {}) => this.http.post(path).set('Authorization', auth).send(body),
      put: (path: string, body: object = {}) => this.http.put(path).set('Authorization', auth).send(body),
      patch: (path: string, body: object = {}) => this.http.patch(path).set('Authorization', auth).send(body),
    };
  }

  /** Listens on a free loopback port, for a browser; returns the address. */
  async listen(): Promise<string> {
    await this.app.listen(0, '127.0.0.1');
    return `http://127.0.0.1:${((this.app.getHttpServer() as Server).address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

/** A report a colleague in a hurry might send: no personal data in the free text. */
export function aReport(overrides: Record<string, unknown> = {}) {
  const discovered = new Date(Date.now() - 2 * 3_600_000);
  return {
    summary: 'A spreadsheet of rent arrears was emailed to the wrong housing officer at a partner.',
    howDiscovered: 'The recipient replied to say they had received it in error.',
    containmentSoFar: 'Asked the recipient to delete it.',
    occurredAt: new Date(discovered.getTime() - 3_600_000).toISOString(),
    discoveredAt: discovered.toISOString(),
    entityId: 'HHL',
    dataCategories: ['basic-identifiers', 'financial'],
    subjectCategories: ['tenants'],
    approxSubjects: 40,
    approxRecords: 40,
    specialCategory: false,
    criminalOffence: false,
    ...overrides,
  };
}

/** The assessment facts of `aReport()`: rent arrears emailed to a known wrong recipient. */
export const REPORT_FACTS = {
  breachTypes: ['confidentiality'],
  cause: 'misdirected-email',
  maliciousIntent: false,
  dataCategories: ['basic-identifiers', 'financial'],
  subjectCategories: ['tenants'],
  approxSubjects: 40,
  protection: 'none',
  disclosure: 'known-recipients',
  dataExfiltrated: false,
  recoveredOrDeleted: false,
  backupAvailable: true,
  availabilityLoss: 'none',
  containedQuickly: true,
  safeguardingRisk: false,
};
