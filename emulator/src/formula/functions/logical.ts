/** IF, IFS, IFERROR, IFNA, AND, OR, NOT, TRUE, FALSE. */
import { toBoolean } from '../coerce';
import { isErrorValue, type Value } from '../types';
import type { EvalContext } from '../context';
import { eachValue } from './math';
import { lifted, whole, type FunctionTable } from './registry';

/** AND and OR read every value of their arguments: they aggregate even inside ARRAYFORMULA. */
function junction(isAnd: boolean) {
  return (args: Value[], ctx: EvalContext): Value => {
    let seen = false;
    let acc = isAnd;
    const combine = (b: boolean): void => {
      seen = true;
      acc = isAnd ? acc && b : acc || b;
    };
    const err = eachValue(args, ctx, (v, direct) => {
      if (isErrorValue(v)) return v;
      if (typeof v === 'boolean') combine(v);
      else if (typeof v === 'number') combine(v !== 0);
      else if (direct && typeof v === 'string') {
        const b = toBoolean(v);
        if (typeof b !== 'boolean') return b;
        combine(b);
      }
      return undefined;
    });
    if (err) return err;
    return seen ? acc : '#VALUE!';
  };
}

export const LOGICAL_FUNCTIONS: FunctionTable = {
  IF: lifted(
    2,
    3,
    ([cond, whenTrue, whenFalse], _ctx, raw) => {
      const b = toBoolean(cond ?? null);
      if (typeof b !== 'boolean') return b;
      if (b) return whenTrue ?? null;
      return raw.length > 2 ? (whenFalse ?? null) : false;
    },
    { handlesErrors: true },
  ),
  IFS: lifted(
    2,
    Infinity,
    (args) => {
      if (args.length % 2 !== 0) return '#N/A';
      for (let i = 0; i < args.length; i += 2) {
        const b = toBoolean(args[i] ?? null);
        if (typeof b !== 'boolean') return b;
        if (b) return args[i + 1] ?? null;
      }
      return '#N/A';
    },
    { handlesErrors: true },
  ),
  IFERROR: lifted(
    1,
    2,
    ([v, fallback]) => (isErrorValue(v ?? null) ? (fallback ?? null) : (v ?? null)),
    { handlesErrors: true },
  ),
  IFNA: lifted(1, 2, ([v, fallback]) => (v === '#N/A' ? (fallback ?? null) : (v ?? null)), {
    handlesErrors: true,
  }),
  AND: whole(1, Infinity, junction(true)),
  OR: whole(1, Infinity, junction(false)),
  NOT: lifted(1, 1, ([v]) => {
    const b = toBoolean(v ?? null);
    return typeof b === 'boolean' ? !b : b;
  }),
  TRUE: whole(0, 0, () => true),
  FALSE: whole(0, 0, () => false),
};
