import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { HelperDelegate } from 'handlebars';
import hbs from 'hbs';
import { appAssetPath } from '#libs/shared';
import { PAGE_HELPERS } from './helpers';

const PUBLIC = appAssetPath('api', 'public');

/** A hash of the static files: their URLs change when they do, so they can be cached for a year. */
export const assetVersion = createHash('sha256')
  .update(
    readdirSync(PUBLIC)
      .sort()
      .map((f) => readFileSync(join(PUBLIC, f)))
      .join('\n'),
  )
  .digest('hex')
  .slice(0, 12);

/** Handlebars pages from `apps/api/views` (found from the project root, so it works from dist/ too). */
export function configureViews(app: NestExpressApplication): void {
  const views = appAssetPath('api', 'views');
  const engine = hbs.create();
  for (const [name, helper] of Object.entries(PAGE_HELPERS)) engine.registerHelper(name, helper as HelperDelegate);
  const partials = join(views, 'partials');
  for (const file of readdirSync(partials).filter((f) => f.endsWith('.hbs'))) {
    engine.registerPartial(basename(file, '.hbs'), readFileSync(join(partials, file), 'utf8'));
  }
  app.engine('hbs', engine.__express);
  app.setBaseViewsDir(views);
  app.setViewEngine('hbs');
  app.useStaticAssets(PUBLIC, { prefix: '/assets/', maxAge: '365d', immutable: true, index: false });
}
