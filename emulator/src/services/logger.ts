import { inspect } from 'node:util';
import type { CallLog } from '../instrument';
import { expose } from './exposed';
import { javaFormat } from './utilities';

type Logger = GoogleAppsScript.Base.Logger;

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error';

export interface ConsoleEntry {
  level: ConsoleLevel;
  message: string;
}

/** Apps Script's console: records instead of printing. */
export interface RecordingConsole {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  time(label: string): void;
  timeEnd(label: string): void;
}

/** What scripts wrote to Logger and console, for tests to read. */
export class LogRecorder {
  logger: string[] = [];
  console: ConsoleEntry[] = [];

  clear(): void {
    this.logger = [];
    this.console = [];
  }
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return inspect(value);
    }
  }
  return String(value);
}

export function createLogger(log: CallLog, recorder: LogRecorder): Logger {
  const logger: Logger = {
    log(first: unknown, ...rest: unknown[]): Logger {
      const message =
        typeof first === 'string' && rest.length > 0 ? javaFormat(first, rest) : text(first);
      recorder.logger.push(message);
      return api;
    },
    getLog: () => recorder.logger.join('\n'),
    clear: () => {
      recorder.logger = [];
    },
  };
  const api = expose<Logger>(logger, 'Logger', log);
  return api;
}

export function createConsole(
  log: CallLog,
  recorder: LogRecorder,
  now: () => number,
): RecordingConsole {
  const timers = new Map<string, number>();
  const write =
    (level: ConsoleLevel) =>
    (first?: unknown, ...rest: unknown[]) => {
      const message =
        typeof first === 'string' && /%[sdifoOj]/.test(first)
          ? first.replace(/%[sdifoOj]/g, (spec) => {
              const v = rest.shift();
              return spec === '%d' || spec === '%i' ? String(Math.trunc(Number(v))) : text(v);
            }) + rest.map((r) => ` ${text(r)}`).join('')
          : [first, ...rest].map(text).join(' ');
      recorder.console.push({ level, message });
    };
  const consoleImpl: RecordingConsole = {
    log: write('log'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    time: (label) => {
      timers.set(label, now());
    },
    timeEnd: (label) => {
      const start = timers.get(label);
      if (start === undefined) return;
      timers.delete(label);
      recorder.console.push({ level: 'log', message: `${label}: ${now() - start}ms` });
    },
  };
  return expose<RecordingConsole>(consoleImpl, 'console', log);
}
