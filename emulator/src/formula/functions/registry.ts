/**
 * How built-in functions are described. Most functions are "lifted": written for single values
 * and applied element-wise in array mode (IF, LEN, VLOOKUP's key…). Aggregates (SUM, AND,
 * CONCATENATE…) take whole ranges and stay aggregates even inside ARRAYFORMULA, as in Sheets.
 */
import type { EvalContext } from '../context';
import { firstError } from '../coerce';
import type { Scalar, Value } from '../types';

export interface FunctionSpec {
  minArgs: number;
  maxArgs: number;
  /** Evaluate the arguments in array mode (ARRAYFORMULA, FILTER, SUMPRODUCT). */
  arrayArgs?: boolean;
  call(args: Value[], ctx: EvalContext): Value;
}

export interface LiftOptions {
  /** Indexes of arguments passed whole (as ranges or arrays) instead of element-wise. */
  raw?: readonly number[];
  /** The function sees error arguments itself (IFERROR, ISERROR…); else the first one is returned. */
  handlesErrors?: boolean;
}

export type ScalarFunction = (args: Scalar[], ctx: EvalContext, raw: readonly Value[]) => Scalar;

export function lifted(
  minArgs: number,
  maxArgs: number,
  fn: ScalarFunction,
  options: LiftOptions = {},
): FunctionSpec {
  const raw = new Set(options.raw ?? []);
  return {
    minArgs,
    maxArgs,
    call(args, ctx) {
      return ctx.lift(
        args,
        (i) => !raw.has(i),
        (scalars) => {
          if (!options.handlesErrors) {
            const err = firstError(raw.size ? scalars.filter((_, i) => !raw.has(i)) : scalars);
            if (err) return err;
          }
          return fn(scalars, ctx, args);
        },
      );
    },
  };
}

export function whole(
  minArgs: number,
  maxArgs: number,
  call: (args: Value[], ctx: EvalContext) => Value,
  arrayArgs = false,
): FunctionSpec {
  return { minArgs, maxArgs, call, arrayArgs };
}

export type FunctionTable = Record<string, FunctionSpec>;
