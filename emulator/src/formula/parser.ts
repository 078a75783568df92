/**
 * Recursive-descent parser producing the AST the evaluator walks.
 *
 * Precedence, loosest first (as in Sheets and Excel): comparisons, '&', '+ -', '* /', '^',
 * unary '-' '+', postfix '%'. Unary minus binds tighter than '^', so =-2^2 is 4.
 */
import { tokenize, type Operator, type RefSpec, type Token } from './lexer';
import { FormulaSyntaxError, type ErrorValue } from './types';

export type BinaryOperator = Exclude<Operator, '%'>;

export type Node =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'error'; value: ErrorValue }
  | { type: 'empty' }
  | { type: 'ref'; ref: RefSpec }
  | { type: 'name'; name: string }
  | { type: 'unary'; op: '-' | '+'; operand: Node }
  | { type: 'percent'; operand: Node }
  | { type: 'binary'; op: BinaryOperator; left: Node; right: Node }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'array'; rows: Node[][] };

const COMPARISONS: ReadonlySet<string> = new Set(['=', '<>', '<', '>', '<=', '>=']);

class Parser {
  private i = 0;

  constructor(private readonly tokens: Token[]) {}

  parseFormula(): Node {
    const node = this.expression();
    const t = this.peek();
    if (t.kind !== 'eof') throw new FormulaSyntaxError('Unexpected token', t.pos);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.i] ?? { kind: 'eof', pos: -1 };
  }

  private next(): Token {
    const t = this.peek();
    this.i++;
    return t;
  }

  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t.kind === 'op' && ops.includes(t.value);
  }

  private isPunct(p: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.value === p;
  }

  private expect(p: string): void {
    const t = this.next();
    if (t.kind !== 'punct' || t.value !== p) {
      throw new FormulaSyntaxError(`Expected "${p}"`, t.pos);
    }
  }

  private binaryLevel(ops: readonly string[], operand: () => Node): Node {
    let left = operand();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || !ops.includes(t.value)) return left;
      this.next();
      left = { type: 'binary', op: t.value as BinaryOperator, left, right: operand() };
    }
  }

  private expression(): Node {
    return this.binaryLevel([...COMPARISONS], () => this.concatenation());
  }

  private concatenation(): Node {
    return this.binaryLevel(['&'], () => this.additive());
  }

  private additive(): Node {
    return this.binaryLevel(['+', '-'], () => this.multiplicative());
  }

  private multiplicative(): Node {
    return this.binaryLevel(['*', '/'], () => this.power());
  }

  private power(): Node {
    return this.binaryLevel(['^'], () => this.unary());
  }

  private unary(): Node {
    if (this.isOp('-', '+')) {
      const t = this.next() as { value: '-' | '+' };
      return { type: 'unary', op: t.value, operand: this.unary() };
    }
    let node = this.primary();
    while (this.isOp('%')) {
      this.next();
      node = { type: 'percent', operand: node };
    }
    return node;
  }

  private primary(): Node {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { type: 'number', value: t.value };
      case 'string':
        return { type: 'string', value: t.value };
      case 'error':
        return { type: 'error', value: t.value };
      case 'ref':
        return { type: 'ref', ref: t.ref };
      case 'ident': {
        if (this.isPunct('(')) return this.call(t.value.toUpperCase());
        const upper = t.value.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE')
          return { type: 'boolean', value: upper === 'TRUE' };
        return { type: 'name', name: t.value };
      }
      case 'punct':
        if (t.value === '(') {
          const inner = this.expression();
          this.expect(')');
          return inner;
        }
        if (t.value === '{') return this.arrayLiteral();
        throw new FormulaSyntaxError(`Unexpected "${t.value}"`, t.pos);
      default:
        throw new FormulaSyntaxError('Unexpected token', t.pos);
    }
  }

  private call(name: string): Node {
    this.expect('(');
    const args: Node[] = [];
    if (this.isPunct(')')) {
      this.next();
      return { type: 'call', name, args };
    }
    for (;;) {
      // Sheets accepts skipped arguments: IF(A1,,2).
      args.push(this.isPunct(',') || this.isPunct(')') ? { type: 'empty' } : this.expression());
      const t = this.next();
      if (t.kind === 'punct' && t.value === ')') return { type: 'call', name, args };
      // A ';' here is the fr_FR argument separator: not what setFormula accepts.
      if (t.kind !== 'punct' || t.value !== ',') {
        throw new FormulaSyntaxError('Expected "," or ")" in argument list', t.pos);
      }
    }
  }

  private arrayLiteral(): Node {
    const rows: Node[][] = [[]];
    for (;;) {
      (rows[rows.length - 1] as Node[]).push(this.expression());
      const t = this.next();
      if (t.kind === 'punct' && t.value === '}') return { type: 'array', rows };
      if (t.kind === 'punct' && t.value === ',') continue;
      if (t.kind === 'punct' && t.value === ';') {
        rows.push([]);
        continue;
      }
      throw new FormulaSyntaxError('Expected ",", ";" or "}" in array literal', t.pos);
    }
  }
}

/** Parses a formula (with its leading '='); throws FormulaSyntaxError. */
export function parseFormula(formula: string): Node {
  const trimmed = formula.trimStart();
  if (!trimmed.startsWith('=')) throw new FormulaSyntaxError('A formula starts with "="', 0);
  return new Parser(tokenize(trimmed.slice(1))).parseFormula();
}
