/**
 * Deterministic identifiers (UUIDs, Drive ids) whose generator state is part of the emulator's
 * snapshot, so a restored state never hands out an id it already gave.
 */
export interface IdState {
  seed: number;
  counter: number;
}

export class IdGenerator {
  private seed: number;
  private counter: number;

  constructor(state: IdState = { seed: 0x9e3779b9, counter: 0 }) {
    this.seed = state.seed >>> 0;
    this.counter = state.counter;
  }

  /** mulberry32: small, fast, good enough for unique-looking ids. */
  private next32(): number {
    this.seed = (this.seed + 0x6d2b79f5) >>> 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  uuid(): string {
    const bytes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const n = this.next32();
      bytes.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
    }
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** A Drive-looking id (44 chars of [A-Za-z0-9_-]), unique per generator state. */
  driveId(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    this.counter += 1;
    let out = '1';
    while (out.length < 44) out += alphabet[this.next32() & 63];
    return out;
  }

  restore(state: IdState): void {
    this.seed = state.seed >>> 0;
    this.counter = state.counter;
  }

  state(): IdState {
    return { seed: this.seed, counter: this.counter };
  }
}
