import type { CallLog } from '../instrument';
import type { Clock } from './clock';
import { Exposed, expose } from './exposed';

type Lock = GoogleAppsScript.Lock.Lock;
type LockService = GoogleAppsScript.Lock.LockService;

export type LockScope = 'document' | 'script' | 'user';

/** Apps Script's message when waitLock gives up. */
export const LOCK_TIMEOUT_MESSAGE =
  'Lock timeout: another process was holding the lock for too long.';

/** A lock held by a simulated other execution. */
export interface OtherHolder {
  /** Release now. */
  release(): void;
  readonly scope: LockScope;
}

type Holder =
  | { kind: 'self'; lock: LockImpl }
  | { kind: 'other'; handle: OtherHolder; releaseAtMs: number | null };

/**
 * The three locks of a script. The current execution holds a lock through one Lock object;
 * another Lock object of the same execution waits on it like any other process (locks are not
 * re-entrant across objects), which surfaces nested `withLock` mistakes in tests. Waiting
 * advances the emulator's clock instead of blocking.
 */
export class LockRegistry {
  private holders = new Map<LockScope, Holder>();

  constructor(private readonly clock: Clock) {}

  /** Simulate another execution holding `scope` (until release(), or for `releaseAfterMs`). */
  hold(scope: LockScope, opts: { releaseAfterMs?: number } = {}): OtherHolder {
    if (this.holders.has(scope)) throw new Error(`The ${scope} lock is already held.`);
    const handle: OtherHolder = {
      scope,
      release: () => {
        const h = this.holders.get(scope);
        if (h && h.kind === 'other' && h.handle === handle) this.holders.delete(scope);
      },
    };
    const releaseAtMs =
      opts.releaseAfterMs === undefined ? null : this.clock.nowMs() + opts.releaseAfterMs;
    this.holders.set(scope, { kind: 'other', handle, releaseAtMs });
    return handle;
  }

  holdDocumentLock(opts?: { releaseAfterMs?: number }): OtherHolder {
    return this.hold('document', opts);
  }

  holdScriptLock(opts?: { releaseAfterMs?: number }): OtherHolder {
    return this.hold('script', opts);
  }

  holdUserLock(opts?: { releaseAfterMs?: number }): OtherHolder {
    return this.hold('user', opts);
  }

  /** Release the locks held by simulated other executions. */
  releaseOthers(): void {
    for (const [scope, h] of [...this.holders]) if (h.kind === 'other') this.holders.delete(scope);
  }

  /** End of an execution: Apps Script releases every lock the script still holds. */
  endExecution(): void {
    for (const [scope, h] of [...this.holders]) if (h.kind === 'self') this.holders.delete(scope);
  }

  /** Who holds `scope`: 'self' (this execution), 'other', or null. */
  heldBy(scope: LockScope): 'self' | 'other' | null {
    this.expire(scope);
    return this.holders.get(scope)?.kind ?? null;
  }

  private expire(scope: LockScope): void {
    const h = this.holders.get(scope);
    if (h?.kind === 'other' && h.releaseAtMs !== null && h.releaseAtMs <= this.clock.nowMs()) {
      this.holders.delete(scope);
    }
  }

  /** @internal used by LockImpl */
  acquire(scope: LockScope, lock: LockImpl, timeoutMs: number): boolean {
    this.expire(scope);
    const h = this.holders.get(scope);
    if (h?.kind === 'self' && h.lock === lock) return true;
    if (!h) {
      this.holders.set(scope, { kind: 'self', lock });
      return true;
    }
    const timeout = Math.max(0, Number(timeoutMs) || 0);
    if (
      h.kind === 'other' &&
      h.releaseAtMs !== null &&
      h.releaseAtMs - this.clock.nowMs() <= timeout
    ) {
      this.clock.advance(h.releaseAtMs - this.clock.nowMs());
      this.holders.set(scope, { kind: 'self', lock });
      return true;
    }
    this.clock.advance(timeout);
    return false;
  }

  /** @internal */
  release(scope: LockScope, lock: LockImpl): void {
    const h = this.holders.get(scope);
    if (h?.kind === 'self' && h.lock === lock) this.holders.delete(scope);
  }

  /** @internal */
  holds(scope: LockScope, lock: LockImpl): boolean {
    const h = this.holders.get(scope);
    return h?.kind === 'self' && h.lock === lock;
  }
}

class LockImpl extends Exposed<Lock> implements Lock {
  constructor(
    log: CallLog,
    private readonly registry: LockRegistry,
    private readonly scope: LockScope,
  ) {
    super(log, 'Lock');
  }

  tryLock(timeoutInMillis: number): boolean {
    return this.registry.acquire(this.scope, this, timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.registry.acquire(this.scope, this, timeoutInMillis)) {
      throw new Error(LOCK_TIMEOUT_MESSAGE);
    }
  }

  releaseLock(): void {
    this.registry.release(this.scope, this);
  }

  hasLock(): boolean {
    return this.registry.holds(this.scope, this);
  }
}

export function createLockService(log: CallLog, registry: LockRegistry): LockService {
  const service: LockService = {
    getDocumentLock: () => new LockImpl(log, registry, 'document').api,
    getScriptLock: () => new LockImpl(log, registry, 'script').api,
    getUserLock: () => new LockImpl(log, registry, 'user').api,
  };
  return expose<LockService>(service, 'LockService', log);
}
