import { describe, expect, it } from 'vitest';
import { ChangeLedger } from '../../src/gas/ledger';
import { unexpectedMessage } from '../../src/gas/run';

describe('what a failed action left', () => {
  it('nothing, when it wrote nothing (its ways back are not even tried)', () => {
    const l = new ChangeLedger();
    let undone = false;
    l.onRollback(() => (undone = true));
    l.rollback(() => undefined);
    expect(undone).toBe(false);
    expect(l.outcome()).toBe('nothing');
  });

  it('nothing, when every write was put back, last first', () => {
    const l = new ChangeLedger();
    const order: string[] = [];
    l.onRollback(() => order.push('first'));
    l.noteWrite();
    l.onRollback(() => order.push('second'));
    l.noteWrite();
    l.rollback(() => undefined);
    expect(order).toEqual(['second', 'first']);
    expect(l.outcome()).toBe('nothing');
  });

  it('uncertain, when a way back fails: the ones before it are not tried', () => {
    const l = new ChangeLedger();
    const order: string[] = [];
    const logged: unknown[] = [];
    l.onRollback(() => order.push('first'));
    l.onRollback(() => {
      throw new Error('down');
    });
    l.noteWrite();
    l.rollback((e) => logged.push(e));
    expect(order).toEqual([]);
    expect(logged).toHaveLength(1);
    expect(l.outcome()).toBe('uncertain');
  });

  it('uncertain, when something was written with no way back', () => {
    const l = new ChangeLedger();
    l.noteWrite();
    l.rollback(() => undefined);
    expect(l.outcome()).toBe('uncertain');
  });

  it('committed, when a journal line was written before the failure', () => {
    const l = new ChangeLedger();
    l.noteWrite();
    l.onRollback(() => undefined);
    l.commit();
    l.noteWrite();
    l.onRollback(() => undefined);
    l.rollback(() => undefined);
    expect(l.outcome()).toBe('committed');
  });

  it('view, when only a picture or the filter was touched', () => {
    const l = new ChangeLedger();
    l.noteViewWrite();
    l.rollback(() => undefined);
    expect(l.outcome()).toBe('view');
  });

  it('a failed write of one call is forgotten (nothing of it was written)', () => {
    const l = new ChangeLedger();
    const before = l.pendingWrites();
    l.noteWrite();
    l.forgetWrites(before);
    l.rollback(() => undefined);
    expect(l.outcome()).toBe('nothing');
  });
});

describe('the message of an unexpected failure', () => {
  it('says nothing was saved only when that is so', () => {
    expect(unexpectedMessage('7F3A2C', 'nothing')).toBe(
      "Erreur inattendue (réf. 7F3A2C) : rien n'a été enregistré. Réessayez ; si cela recommence, transmettez cette référence.",
    );
    for (const outcome of ['view', 'committed', 'uncertain'] as const) {
      const text = unexpectedMessage('7F3A2C', outcome);
      expect(text).toMatch(/^Erreur inattendue \(réf\. 7F3A2C\) : /);
      expect(text).not.toContain("rien n'a été enregistré");
    }
  });
});
