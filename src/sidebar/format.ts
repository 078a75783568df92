/** Display helpers: the sidebar shows dates the French way, as the sheet does. */
import type { StageView } from '../api/contract';

/** '2023-02-01' → '01/02/2023'; anything else is returned as is. */
export function frDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function frRange(start: string, end: string): string {
  return `${frDate(start)} – ${frDate(end)}`;
}

/** The day after an ISO date, as ISO, computed on the calendar (no time zone involved). */
export function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return t.toISOString().slice(0, 10);
}

export function stageLabel(s: StageView): string {
  return `${s.student}${s.className ? ` (${s.className})` : ''} — ${frRange(s.start, s.end)}`;
}

export function hours(n: number | null): string {
  if (n === null) return '';
  const whole = Math.floor(n);
  const minutes = Math.round((n - whole) * 60);
  return `${whole} h${minutes ? String(minutes).padStart(2, '0') : ''}`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n <= 1 ? one : many}`;
}
