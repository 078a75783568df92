/**
 * The layer rules of eslint.config.mjs, run through ESLint's own API on small sources placed (by
 * name only: nothing is written) in each folder of src/: a wrong import must fail the lint, a
 * right one must pass.
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const LAYER_RULES = new Set([
  'no-restricted-imports',
  'no-restricted-globals',
  'no-restricted-properties',
]);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layer rules a source breaks when it sits at `file` (a path under the repository). */
async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId))
    .map((m) => m.ruleId!);
}

const importing = (specifier: string) =>
  `import { thing } from '${specifier}';\nexport const used = thing;\n`;

// [file, specifier]: each of these imports goes against the direction of the layers.
const WRONG: [string, string][] = [
  ['src/domain/sessions.ts', '../api/contract'],
  ['src/domain/stages/filter.ts', '../../api/contract'],
  ['src/domain/x.ts', '../sheets/schema'],
  ['src/domain/x.ts', '../gas/context'],
  ['src/domain/x.ts', '../usecases/stageStore'],
  ['src/domain/x.ts', '../main'],
  ['src/sheets/records.ts', '../gas/cells'],
  ['src/sheets/x.ts', '../usecases/stageStore'],
  ['src/sheets/x.ts', '../api/contract'],
  ['src/gas/x.ts', '../usecases/stageStore'],
  ['src/gas/x.ts', '../main'],
  ['src/usecases/x.ts', '../main'],
  ['src/usecases/stage/x.ts', '../../sidebar/store'],
  ['src/api/contract.ts', '../gas/context'],
  ['src/api/contract.ts', '../usecases/stageStore'],
  ['src/sidebar/x.ts', '../domain/types'],
  ['src/sidebar/x.ts', '../main'],
  ['src/sidebar/panels/x.ts', '../../domain/dates'],
  ['src/sidebar/panels/x.ts', '../../usecases/stageStore'],
  ['src/sidebar/panels/x.ts', '../../gas/context'],
  ['src/main.ts', './sidebar/store'],
];

// [file, specifier]: imports that follow the direction (or stay in their folder).
const RIGHT: [string, string][] = [
  ['src/domain/x.ts', './types'],
  ['src/domain/stages/x.ts', '../dates'],
  ['src/domain/x.ts', 'date-fns'],
  ['src/sheets/x.ts', '../domain/types'],
  ['src/sheets/x.ts', './schema'],
  ['src/gas/x.ts', '../sheets/schema'],
  ['src/gas/x.ts', '../domain/errors'],
  ['src/gas/x.ts', '../api/contract'],
  ['src/usecases/x.ts', '../gas/context'],
  ['src/usecases/stage/x.ts', '../stageStore'],
  ['src/usecases/x.ts', '../api/contract'],
  ['src/api/contract.ts', '../domain/types'],
  ['src/sidebar/x.ts', '../api/contract'],
  ['src/sidebar/x.ts', './dom'],
  ['src/sidebar/panels/x.ts', '../../api/contract'],
  ['src/sidebar/panels/x.ts', '../api'],
  ['src/sidebar/panels/x.ts', '../main'],
  ['src/main.ts', './usecases/stageStore'],
];

describe('layer direction (no-restricted-imports)', () => {
  it.each(WRONG)('%s may not import %s', async (file, specifier) => {
    expect(await layerErrors(file, importing(specifier))).toEqual(['no-restricted-imports']);
  });

  it.each(RIGHT)('%s may import %s', async (file, specifier) => {
    expect(await layerErrors(file, importing(specifier))).toEqual([]);
  });

  it('catches type-only imports and re-exports as well', async () => {
    expect(
      await layerErrors('src/sidebar/x.ts', "import type { Zone } from '../domain/types';\n"),
    ).toEqual(['no-restricted-imports']);
    expect(
      await layerErrors('src/domain/x.ts', "export type { StageView } from '../api/contract';\n"),
    ).toEqual(['no-restricted-imports']);
  });
});

describe('Apps Script stays in src/gas/', () => {
  it.each(['src/usecases/x.ts', 'src/domain/x.ts', 'src/sheets/x.ts'])(
    '%s may not call SpreadsheetApp or LockService',
    async (file) => {
      const source =
        'export const a = () => SpreadsheetApp.getActiveSpreadsheet();\n' +
        'export const b = () => LockService.getDocumentLock();\n';
      expect(await layerErrors(file, source)).toEqual([
        'no-restricted-globals',
        'no-restricted-globals',
      ]);
    },
  );

  it("a use case may not reach the spreadsheet behind an adapter's back", async () => {
    const source =
      'export const a = (ctx: { ss: { getActiveSheet(): void } }) => ctx.ss.getActiveSheet();\n' +
      'export const b = (t: { sheetRef: { deleteRow(r: number): void } }) => t.sheetRef.deleteRow(2);\n';
    expect(await layerErrors('src/usecases/x.ts', source)).toEqual([
      'no-restricted-properties',
      'no-restricted-properties',
    ]);
  });

  it('the adapters and the entry points may', async () => {
    const source = 'export const a = () => SpreadsheetApp.getActiveSpreadsheet();\n';
    expect(await layerErrors('src/gas/x.ts', source)).toEqual([]);
    expect(await layerErrors('src/main.ts', source)).toEqual([]);
  });
});
