/** Walks the AST. Operators are applied element-wise through EvalContext.lift. */
import { compareScalars, toNumber, toText } from './coerce';
import type { EvalContext } from './context';
import { FUNCTIONS } from './functions';
import type { RefCorner, RefSpec } from './lexer';
import type { BinaryOperator, Node } from './parser';
import { isErrorValue, type FormulaLocale, type Matrix, type Scalar, type Value } from './types';

function moveCorner(c: RefCorner, ctx: EvalContext): { row?: number; col?: number } {
  return {
    row: c.row === undefined ? undefined : c.row + (c.rowAbsolute ? 0 : ctx.shift.rows),
    col: c.col === undefined ? undefined : c.col + (c.colAbsolute ? 0 : ctx.shift.cols),
  };
}

/** A reference at its (shifted) place; open ends (A2:A, A:A, 2:2) stop at the sheet's bounds. */
function resolveRef(ref: RefSpec, ctx: EvalContext): Value {
  const bounds = ctx.bounds(ref.sheet);
  if (!bounds) return '#REF!';
  const start = moveCorner(ref.start, ctx);
  const end = ref.end ? moveCorner(ref.end, ctx) : start;
  for (const n of [start.row, start.col, end.row, end.col])
    if (n !== undefined && n < 1) return '#REF!';
  const r1 = start.row ?? 1;
  const r2 = end.row ?? Math.max(bounds.rows, r1);
  const c1 = start.col ?? 1;
  const c2 = end.col ?? Math.max(bounds.cols, c1);
  return {
    kind: 'range',
    sheet: ref.sheet,
    top: Math.min(r1, r2),
    bottom: Math.max(r1, r2),
    left: Math.min(c1, c2),
    right: Math.max(c1, c2),
  };
}

function arithmetic(op: BinaryOperator, x: number, y: number): Scalar {
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? '#DIV/0!' : x / y;
    default: {
      const p = x ** y;
      return Number.isFinite(p) ? p : '#NUM!';
    }
  }
}

export function applyBinary(
  op: BinaryOperator,
  a: Scalar,
  b: Scalar,
  locale: FormulaLocale,
): Scalar {
  if (isErrorValue(a)) return a;
  if (isErrorValue(b)) return b;
  switch (op) {
    case '&':
      return `${toText(a, locale)}${toText(b, locale)}`;
    case '=':
      return compareScalars(a, b) === 0;
    case '<>':
      return compareScalars(a, b) !== 0;
    case '<':
      return compareScalars(a, b) < 0;
    case '>':
      return compareScalars(a, b) > 0;
    case '<=':
      return compareScalars(a, b) <= 0;
    case '>=':
      return compareScalars(a, b) >= 0;
    default: {
      const x = toNumber(a, locale);
      if (typeof x !== 'number') return x;
      const y = toNumber(b, locale);
      if (typeof y !== 'number') return y;
      return arithmetic(op, x, y);
    }
  }
}

/** {a, b; c, d}: elements side by side need equal heights, stacked rows equal widths. */
function arrayLiteral(rows: Node[][], ctx: EvalContext): Value {
  const blocks: Matrix[] = [];
  for (const row of rows) {
    let block: Matrix | null = null;
    for (const element of row) {
      const m = ctx.toMatrix(evaluateNode(element, ctx));
      if (!block) block = m.map((line) => [...line]);
      else if (m.length !== block.length) return '#VALUE!';
      else block.forEach((line, i) => line.push(...(m[i] ?? [])));
    }
    if (block) blocks.push(block);
  }
  const width = blocks[0]?.[0]?.length ?? 0;
  if (blocks.some((b) => b.some((line) => line.length !== width))) return '#VALUE!';
  return blocks.flat();
}

const always = (): boolean => true;

export function evaluateNode(node: Node, ctx: EvalContext): Value {
  switch (node.type) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'error':
      return node.value;
    case 'empty':
      return null;
    case 'name':
      return '#NAME?'; // named ranges are not emulated
    case 'ref':
      return resolveRef(node.ref, ctx);
    case 'unary': {
      const v = evaluateNode(node.operand, ctx);
      return ctx.lift([v], always, ([a = null]) => {
        if (node.op === '+') return a;
        const n = toNumber(a, ctx.locale);
        return typeof n === 'number' ? -n : n;
      });
    }
    case 'percent': {
      const v = evaluateNode(node.operand, ctx);
      return ctx.lift([v], always, ([a = null]) => {
        const n = toNumber(a, ctx.locale);
        return typeof n === 'number' ? n / 100 : n;
      });
    }
    case 'binary': {
      const left = evaluateNode(node.left, ctx);
      const right = evaluateNode(node.right, ctx);
      return ctx.lift([left, right], always, ([a = null, b = null]) =>
        applyBinary(node.op, a, b, ctx.locale),
      );
    }
    case 'array':
      return arrayLiteral(node.rows, ctx);
    case 'call': {
      const spec = FUNCTIONS.get(node.name);
      if (!spec) return '#NAME?';
      if (node.args.length < spec.minArgs || node.args.length > spec.maxArgs) return '#N/A';
      const saved = ctx.arrayMode;
      if (spec.arrayArgs) ctx.arrayMode = true;
      let args: Value[];
      try {
        args = node.args.map((a) => evaluateNode(a, ctx));
      } finally {
        ctx.arrayMode = saved;
      }
      return spec.call(args, ctx);
    }
  }
}
