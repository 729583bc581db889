import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes an empty, timestamped migration. Migrations here are hand-written SQL (the write
 * model is an event store, not entities), so there is nothing to diff against.
 */
const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  process.stderr.write('usage: npm run migration:generate -- <kebab-case-name>\n');
  process.exit(2);
}
const timestamp = Date.now();
const className = name.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()) + timestamp;
const file = join(process.cwd(), 'libs/persistence/src/migrations', `${timestamp}-${name}.ts`);
writeFileSync(
  file,
  `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(q: QueryRunner): Promise<void> {
    await q.query(\`\`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(\`\`);
  }
}
`,
);
process.stdout.write(`Wrote ${file}\nAdd ${className} to libs/persistence/src/migrations/index.ts\n`);
