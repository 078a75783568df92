/** The README's list of placeholders is the catalog's: none missing, none that does not exist. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { PLACEHOLDER_KEYS } from '../../src/domain/documents/placeholders';

it('lists every placeholder of the catalog, and only those', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /<!-- balises:début -->([\s\S]*)<!-- balises:fin -->/.exec(readme)?.[1] ?? '';
  const listed = [...block.matchAll(/\{\{([a-z_.]+)\}\}/g)].map((m) => m[1]);
  expect([...new Set(listed)].sort()).toEqual([...PLACEHOLDER_KEYS].sort());
});
