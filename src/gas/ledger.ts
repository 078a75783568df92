/**
 * What an execution changed in the document, so that an action ends done and journalled, or not
 * done at all. Sheets has no transaction: each use case says how to put back each change it
 * makes (`onRollback`), and its journal line is the commit. When the action fails before that
 * line, the changes are put back in reverse order while the document lock is still held.
 *
 * Every write to a table is counted (SheetTable tells the context before each write), so a
 * failure can say truthfully whether anything was left behind: a write with no way back, or a
 * way back that failed itself, is reported as such, never as "nothing was saved".
 */

/** What the document holds after a failed action. */
export type Outcome =
  /** No data was written, or every write was put back. */
  | 'nothing'
  /** No data changed; a drawing (calendar) or the sheet's filter may be left half done. */
  | 'view'
  /** Part of the action was done and journalled before the failure; the rest was put back. */
  | 'committed'
  /** A write could not be put back (or had no way back): the document may be half changed. */
  | 'uncertain';

export class ChangeLedger {
  /** Data writes since the last journal line. */
  private writes = 0;
  private viewWrites = 0;
  private undos: (() => void)[] = [];
  private committed = false;
  private broken = false;
  private rollingBack = false;

  /** A data write is about to be made (a cell, a row inserted or deleted, a setting). */
  noteWrite(): void {
    if (!this.rollingBack) this.writes += 1;
  }

  /** Data writes noted since the last journal line. */
  pendingWrites(): number {
    return this.writes;
  }

  /** A write of one service call failed: nothing of it was written (see Context.atomically). */
  forgetWrites(downTo: number): void {
    this.writes = Math.min(this.writes, downTo);
  }

  /** A write that changes only what is shown (a calendar sheet, the Stages sheet's filter). */
  noteViewWrite(): void {
    if (!this.rollingBack) this.viewWrites += 1;
  }

  /**
   * How to put back a change of this action. An undo that restores values (rewrites what was
   * read) may be registered before its write, and is then safe whether the write happened or
   * not; one that removes what was added (rows inserted, appended) must be registered once the
   * addition is done, since it would otherwise remove other rows.
   */
  onRollback(undo: () => void): void {
    this.undos.push(undo);
  }

  /** The journal line is written: what came before is done for good. */
  commit(): void {
    this.writes = 0;
    this.undos = [];
    this.committed = true;
  }

  /**
   * Puts back the changes since the last journal line, last first. Stops at the first undo that
   * fails: the ones registered before it may name rows that have moved since.
   */
  rollback(log: (error: unknown) => void): void {
    const undos = this.undos;
    const written = this.writes;
    this.undos = [];
    this.writes = 0;
    if (written === 0) return;
    if (undos.length === 0) {
      this.broken = true;
      return;
    }
    this.rollingBack = true;
    try {
      for (let i = undos.length - 1; i >= 0; i--) {
        try {
          undos[i]!();
        } catch (e) {
          this.broken = true;
          log(e);
          return;
        }
      }
    } finally {
      this.rollingBack = false;
    }
  }

  /** What a failure left, once rolled back. */
  outcome(): Outcome {
    if (this.broken || this.writes > 0) return 'uncertain';
    if (this.committed) return 'committed';
    return this.viewWrites > 0 ? 'view' : 'nothing';
  }
}
