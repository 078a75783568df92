/**
 * The emulator's clock. Every service reads time from here so tests are deterministic and
 * `Utilities.sleep`, lock waits and trigger schedules move time forward without waiting.
 */
export type NowSource = Date | (() => Date);

export class Clock {
  private base: () => number;
  private offset = 0;

  constructor(now: NowSource) {
    this.base = toSource(now);
  }

  nowMs(): number {
    return this.base() + this.offset;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Pin the clock to `now` (a fixed instant, or a function read on every tick). */
  set(now: NowSource): void {
    this.base = toSource(now);
    this.offset = 0;
  }

  advance(ms: number): void {
    if (Number.isFinite(ms) && ms > 0) this.offset += ms;
  }
}

function toSource(now: NowSource): () => number {
  if (typeof now === 'function') return () => now().getTime();
  const ms = now.getTime();
  return () => ms;
}
