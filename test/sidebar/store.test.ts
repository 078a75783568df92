/** How often the sidebar looks at the selection (src/sidebar/store.ts). */
import { describe, expect, it } from 'vitest';
import { pollDelay } from '../../src/sidebar/store';

describe('pollDelay', () => {
  it('looks every 1.5 s while the user works, less and less often while nothing happens', () => {
    expect(pollDelay(0, 0)).toBe(1500);
    expect(pollDelay(29_000, 0)).toBe(1500);
    expect(pollDelay(60_000, 0)).toBe(3000);
    expect(pollDelay(5 * 60_000, 0)).toBe(6000);
    expect(pollDelay(20 * 60_000, 0)).toBe(15_000);
  });

  it('backs off after repeated failures, whatever the activity, up to 8 times', () => {
    expect(pollDelay(0, 3)).toBe(1500);
    expect(pollDelay(0, 5)).toBe(4500);
    expect(pollDelay(0, 50)).toBe(12_000);
    expect(pollDelay(20 * 60_000, 50)).toBe(15_000);
  });
});
