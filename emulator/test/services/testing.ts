/** Standalone services for the tests of this folder (no spreadsheet needed). */
import { CallLog } from '../../src/instrument';
import { Clock } from '../../src/services/clock';
import { createServices, type Services, type ServicesOptions } from '../../src/services/index';

export const PARIS_NINE_AM = new Date('2023-02-15T08:00:00Z');

export function makeServices(
  opts: {
    now?: Date;
    timeZone?: string;
    htmlFiles?: Record<string, string>;
  } & Pick<ServicesOptions, 'account' | 'quotas' | 'latency' | 'executionLimitMs'> = {},
): { services: Services; log: CallLog; clock: Clock } & Services['globals'] {
  const log = new CallLog();
  const clock = new Clock(opts.now ?? PARIS_NINE_AM);
  const services = createServices({
    log,
    clock,
    timeZone: opts.timeZone ?? 'Europe/Paris',
    locale: 'fr_FR',
    userEmail: 'prof@lycee.example',
    htmlFiles: opts.htmlFiles,
    account: opts.account,
    quotas: opts.quotas,
    latency: opts.latency,
    executionLimitMs: opts.executionLimitMs,
  });
  return { services, log, clock, ...services.globals };
}
