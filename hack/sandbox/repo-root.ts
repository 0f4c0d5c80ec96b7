import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root, found from a module's URL whether it runs from source or from dist/. */
export function findRepoRoot(moduleUrl: string): string {
  let folder = dirname(fileURLToPath(moduleUrl));
  while (folder !== dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'podeip') return folder;
    folder = dirname(folder);
  }
  throw new Error(`no podeip checkout above ${moduleUrl}`);
}
