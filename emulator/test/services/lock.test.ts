import { describe, expect, it } from 'vitest';
import { LOCK_TIMEOUT_MESSAGE } from '../../src/services/lock';
import { makeServices } from './testing';

describe('LockService', () => {
  it('uses the real timeout message', () => {
    expect(LOCK_TIMEOUT_MESSAGE).toBe(
      'Lock timeout: another process was holding the lock for too long.',
    );
  });

  it('acquires, reports and releases a free lock', () => {
    const { LockService, services } = makeServices();
    const lock = LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    lock.waitLock(10_000);
    expect(lock.hasLock()).toBe(true);
    expect(services.locks.heldBy('document')).toBe('self');
    lock.waitLock(10_000); // the holder asking again keeps it
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(services.locks.heldBy('document')).toBe(null);
  });

  it('times out when another execution holds the lock, after the wait has elapsed', () => {
    const { LockService, services, clock } = makeServices();
    const other = services.locks.holdDocumentLock();
    const start = clock.nowMs();
    const lock = LockService.getDocumentLock();
    expect(() => lock.waitLock(30_000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(clock.nowMs() - start).toBe(30_000);
    expect(lock.tryLock(1_000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    other.release();
    expect(lock.tryLock(0)).toBe(true);
  });

  it('gets the lock when the other holder releases it within the wait', () => {
    const { LockService, services, clock } = makeServices();
    services.locks.holdScriptLock({ releaseAfterMs: 4_000 });
    const start = clock.nowMs();
    expect(LockService.getScriptLock().tryLock(10_000)).toBe(true);
    expect(clock.nowMs() - start).toBe(4_000);
  });

  it('keeps document, script and user locks independent', () => {
    const { LockService, services } = makeServices();
    services.locks.holdDocumentLock();
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(LockService.getUserLock().tryLock(0)).toBe(true);
    expect(LockService.getDocumentLock().tryLock(0)).toBe(false);
  });

  it('is not re-entrant across Lock objects: a nested lock waits on the outer one', () => {
    const { LockService } = makeServices();
    const outer = LockService.getDocumentLock();
    outer.waitLock(1_000);
    expect(() => LockService.getDocumentLock().waitLock(1_000)).toThrow(LOCK_TIMEOUT_MESSAGE);
  });

  it('releases what the execution holds when it ends', () => {
    const { LockService, services } = makeServices();
    LockService.getDocumentLock().waitLock(1_000);
    services.locks.endExecution();
    expect(services.locks.heldBy('document')).toBe(null);
  });

  it('counts calls per method', () => {
    const { LockService, log } = makeServices();
    const lock = LockService.getDocumentLock();
    lock.waitLock(1);
    lock.releaseLock();
    expect(log.snapshot()).toEqual({
      'Lock.releaseLock': 1,
      'Lock.waitLock': 1,
      'LockService.getDocumentLock': 1,
    });
  });
});
