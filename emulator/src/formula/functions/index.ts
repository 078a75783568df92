/** Every built-in function, by upper-case name. */
import { ARRAY_FUNCTIONS } from './array';
import { CONDITIONAL_FUNCTIONS } from './conditional';
import { DATE_FUNCTIONS } from './dates';
import { INFO_FUNCTIONS } from './info';
import { LOGICAL_FUNCTIONS } from './logical';
import { LOOKUP_FUNCTIONS } from './lookup';
import { MATH_FUNCTIONS } from './math';
import type { FunctionSpec } from './registry';
import { TEXT_FUNCTIONS } from './text';

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(
  Object.entries({
    ...ARRAY_FUNCTIONS,
    ...CONDITIONAL_FUNCTIONS,
    ...DATE_FUNCTIONS,
    ...INFO_FUNCTIONS,
    ...LOGICAL_FUNCTIONS,
    ...LOOKUP_FUNCTIONS,
    ...MATH_FUNCTIONS,
    ...TEXT_FUNCTIONS,
  }),
);

export type { FunctionSpec } from './registry';
