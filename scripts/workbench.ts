/**
 * `npm start`: the add-on on the emulator in a browser page (see scripts/workbench/).
 *   --port=8080 (or WORKBENCH_PORT)   --today=2023-02-15 (pins the emulated date)
 *   --reset (start from the seeded example)   --reset-only (restore it and exit)
 *   --seed=full|references|empty (what the example contains; default full)
 */
import { join } from 'node:path';
import { type SeedLevel, SEED_LEVELS } from './workbench/seed';
import { ROOT, startWorkbench } from './workbench/server';
import { WorkbenchSession } from './workbench/session';

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === `--${name}`) return args[i + 1] && !args[i + 1]?.startsWith('--') ? args[i + 1] : '';
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

async function main(): Promise<void> {
  const portText = option('port') ?? process.env.WORKBENCH_PORT ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Port invalide : ${portText}`);
  const today = option('today') || undefined;
  const seedText = option('seed') || 'full';
  if (!(SEED_LEVELS as readonly string[]).includes(seedText))
    throw new Error(`--seed attend ${SEED_LEVELS.join(', ')}`);
  const seed = seedText as SeedLevel;
  const stateFile = option('state') || join(ROOT, '.workbench', 'state.json');

  if (option('reset-only') !== undefined) {
    new WorkbenchSession({
      distDir: join(ROOT, 'dist'),
      stateFile,
      today,
      seed,
      reset: true,
    }).start();
    console.log(`Exemple restauré dans ${stateFile}.`);
    return;
  }
  const wb = await startWorkbench({
    port,
    today,
    seed,
    stateFile,
    reset: option('reset') !== undefined,
  });
  console.log(`Atelier Suivi des stages : ${wb.url}`);
  console.log(
    `État enregistré dans ${stateFile} (npm run workbench:reset pour revenir à l'exemple).`,
  );
  const stop = (): void => {
    void wb.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
