/** Test helpers: a FormulaGrid over plain arrays, counting its reads. */
import type { FormulaEnv, FormulaGrid, Scalar } from '../../src/formula/index';

export interface FixtureGrid extends FormulaGrid {
  reads: number;
}

/**
 * `sheets[name]` holds the rows (row 1 first) of each sheet; `own` names the formula's sheet.
 * A sheet's bounds are its longest dimensions unless `sizes` gives more rows or columns.
 */
export function fixtureGrid(
  sheets: Record<string, Scalar[][]>,
  own: string,
  sizes: Record<string, { rows: number; cols: number }> = {},
): FixtureGrid {
  const name = (sheet: string | null): string => sheet ?? own;
  const widths = new Map<string, number>();
  const width = (sheet: string, data: Scalar[][]): number => {
    if (!widths.has(sheet)) widths.set(sheet, Math.max(...data.map((r) => r.length)));
    return widths.get(sheet) ?? 0;
  };
  const grid: FixtureGrid = {
    reads: 0,
    read(sheet, row, col) {
      grid.reads++;
      return sheets[name(sheet)]?.[row - 1]?.[col - 1] ?? null;
    },
    bounds(sheet) {
      const data = sheets[name(sheet)];
      if (!data) return null;
      const size = sizes[name(sheet)];
      return {
        rows: Math.max(data.length, size?.rows ?? 0),
        cols: Math.max(width(name(sheet), data), size?.cols ?? 0),
      };
    },
  };
  return grid;
}

export function fixtureEnv(grid: FormulaGrid, today = 45_000): FormulaEnv {
  return { grid, today, now: today + 0.5 };
}
