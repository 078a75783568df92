/**
 * One execution's life in virtual time: its start (noted by the bundle's `call`), the cost of
 * each service call when latency is on, and Apps Script's limit of 6 minutes per execution
 * (Apps Script quota page, "Script runtime: 6 min / execution", both kinds of account).
 *
 * Real Apps Script kills a script that runs too long: it cannot catch that. The emulator can only
 * throw from the next service call, so it also remembers the kill: every later call of that
 * execution throws again, and `bundle.call` fails with the same error even if the script caught
 * it. Pure JavaScript that runs on after the limit without calling a service is not stopped.
 */
import type { Clock } from './clock';
import type { LatencyModel } from './latency';

/**
 * Apps Script's message (English; a French user sees "Durée d'exécution autorisée dépassée"
 * according to community reports: the emulator speaks English, like its other messages).
 */
export const EXCEEDED_MAX_TIME = 'Exceeded maximum execution time';

export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

export class ExecutionTimeLimitError extends Error {
  constructor() {
    super(EXCEEDED_MAX_TIME);
    this.name = 'Error';
  }
}

export class ExecutionClock {
  private startMs: number | null = null;
  private killed = false;

  constructor(
    private readonly clock: Clock,
    public limitMs: number = EXECUTION_LIMIT_MS,
    public latency: LatencyModel | null = null,
  ) {}

  /** An execution starts now (bundle.call). Nested calls keep the outer start. */
  begin(): boolean {
    if (this.startMs !== null) return false;
    this.startMs = this.clock.nowMs();
    this.killed = false;
    if (this.latency) this.clock.advance(this.latency.executionStartMs);
    return true;
  }

  /** The execution ended; true when the time limit killed it. */
  end(): boolean {
    const killed = this.killed;
    this.startMs = null;
    this.killed = false;
    return killed;
  }

  get running(): boolean {
    return this.startMs !== null;
  }

  /** Virtual milliseconds since the execution started (0 outside one). */
  elapsedMs(): number {
    return this.startMs === null ? 0 : this.clock.nowMs() - this.startMs;
  }

  /** Before each service call: the time limit, then the call's cost. */
  beforeCall(key: string): void {
    if (this.startMs !== null && (this.killed || this.elapsedMs() > this.limitMs)) {
      this.killed = true;
      throw new ExecutionTimeLimitError();
    }
    if (this.latency) this.clock.advance(this.latency.callMs(key));
  }
}
