/**
 * bench/rebuild: replays 100,000 events into fresh projections and prints how long it took.
 * Reproduce: npm run build && node dist/bench/rebuild/rebuild.js [events]
 * Uses its own database (breach_desk_bench_rebuild), dropped and recreated each run.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '#libs/config';
import { DEMO_PEOPLE, seedDirectory } from '#libs/directory';
import { Actor, Incident, IncidentRepository, rebuildProjections } from '#libs/incidents';
import { createDataSource, ensureDatabase, runMigrations } from '#libs/persistence';

const TARGET_EVENTS = Number(process.argv[2] ?? 100_000);
const EVENTS_PER_INCIDENT = 8;
const PER_TRANSACTION = 50;

const actor = (i: number): Actor => ({ id: DEMO_PEOPLE[i].id, roles: DEMO_PEOPLE[i].roles, partnerId: null });
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const url = new URL(loadConfig().DATABASE_URL);
  url.pathname = '/breach_desk_bench_rebuild';
  const admin = new Client({ connectionString: url.toString().replace('/breach_desk_bench_rebuild', '/postgres') });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS breach_desk_bench_rebuild WITH (FORCE)');
  await admin.end();
  await ensureDatabase(url.toString());
  await runMigrations(url.toString());
  const dataSource = await createDataSource({ url: url.toString(), poolSize: 4 }).initialize();
  await seedDirectory(dataSource, { demoPeople: true });
  const repository = new IncidentRepository(dataSource);

  const incidents = Math.ceil(TARGET_EVENTS / EVENTS_PER_INCIDENT);
  const started = Date.now();
  for (let batch = 0; batch < incidents; batch += PER_TRANSACTION) {
    await repository.transaction(async (tx) => {
      for (let i = batch; i < Math.min(incidents, batch + PER_TRANSACTION); i++) {
        const at = (h: number) => new Date(Date.UTC(2025, 0, 1) + i * 60_000 + h * 3_600_000);
        const incident = new Incident(randomUUID());
        incident.report({
          reference: await repository.nextReference(tx, 2025),
          actor: actor(5),
          now: at(1),
          report: {
            summary: `Benchmark incident ${i}: a letter sent to the wrong address.`,
            howDiscovered: 'The recipient phoned.',
            containmentSoFar: 'Asked for it back.',
            occurredAt: at(0).toISOString(),
            discoveredAt: at(0.5).toISOString(),
            entityId: ['HHL', 'SSHA', 'MMHA', 'IT'][i % 4],
            processorFor: [],
            dataCategories: ['basic-identifiers', 'contact'],
            subjectCategories: ['tenants'],
            approxSubjects: 1 + (i % 40),
            approxRecords: 1 + (i % 40),
            specialCategory: false,
            criminalOffence: false,
          },
        });
        incident.addInformation('The envelope was returned unopened.', actor(5), at(2));
        incident.acknowledge(actor(0), at(3));
        incident.confirmAwareness(at(2).toISOString(), 'Confirmed by the housing officer.', actor(0), at(4));
        incident.recordContainment('Letter recovered.', 'Address typed wrongly.', actor(0), at(5));
        const recommendation = {
          riskLevel: 'none' as const,
          notifyIco: false,
          notifySubjects: false,
          subjectsExemption: null,
          reasons: ['Recovered unopened.'],
        };
        incident.recordAssessment(
          { cause: 'misdirected-post' },
          recommendation,
          { riskLevel: 'none', likelihood: 'remote', severity: 'minimal', rationale: 'Unopened.' },
          actor(0),
          at(6),
        );
        incident.recordDecision(
          {
            notifyIco: false,
            icoReasons: 'Unlikely to result in a risk.',
            notifySubjects: false,
            subjectsExemption: null,
            subjectsReasons: 'No risk.',
            justification: null,
          },
          actor(0),
          at(7),
        );
        incident.recordLessons(
          {
            rootCause: 'misdirected-email-or-post',
            narrative: 'Check addresses.',
            changes: 'Double-check.',
            actions: [],
          },
          actor(0),
          at(8),
        );
        await repository.append(tx, incident);
      }
    });
  }
  const [{ events }] = (await dataSource.query('SELECT count(*)::int AS events FROM incident_events')) as {
    events: number;
  }[];
  say(`generated ${incidents} incidents, ${events} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const t0 = process.hrtime.bigint();
  const result = await rebuildProjections(dataSource);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(sampler);
  say(
    `rebuilt ${result.incidents} incidents from ${result.events} events in ${seconds.toFixed(2)} s ` +
      `(${Math.round(result.events / seconds)} events/s); peak RSS ${(peakRss / 1048576).toFixed(0)} MB; target < 30 s`,
  );
  say('reproduce: npm run build && node dist/bench/rebuild/rebuild.js 100000');
  await dataSource.destroy();
}

main().catch((error: Error) => {
  process.stderr.write(`bench/rebuild failed: ${error.name}: ${error.message}\n`);
  process.exit(1);
});
