import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/** The repository (or image) root: the nearest folder up from here whose package.json is ours. */
function projectRoot(): string {
  if (root) return root;
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'breach-desk') {
      return (root = dir);
    }
  }
  throw new Error('Cannot find the breach-desk package root');
}

/**
 * Files that are not code (templates) stay beside their library's source, since tsc copies
 * only code: `assetPath('documents', 'templates')` → `<root>/libs/documents/templates`, the
 * same from the sources under Jest and from `dist/` at run time.
 */
export function assetPath(lib: string, ...parts: string[]): string {
  return join(projectRoot(), 'libs', lib, ...parts);
}

/** The same for an app's non-code files: `appAssetPath('api', 'views')` → `<root>/apps/api/views`. */
export function appAssetPath(app: string, ...parts: string[]): string {
  return join(projectRoot(), 'apps', app, ...parts);
}
