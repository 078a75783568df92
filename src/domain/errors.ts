/**
 * What the user got wrong, in French: the action stops, nothing is written, and the sidebar shows
 * the message beside the `field` at fault. `conflict` says the row changed since it was read (the
 * sidebar then offers to reload). Every layer may throw it; only the entry points catch it.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly conflict = false,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
