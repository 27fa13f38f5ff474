/**
 * The boolean DRG formulas of the CMS decision tables ("PDX:strauma & MULTST", "(d486) & (MCC)",
 * "~PDX:mouthlip"): `|` or, `&` and (binds tighter), `~` not, parentheses, and atoms that are
 * operand names, optionally qualified (PDX: the principal has it, SDX: a secondary has it,
 * ANY: or bare: any code has it, ONLY: derived for the whole claim). An atom holds when the claim
 * has that operand and it is not suppressed in the MDC being evaluated (procedure clusters,
 * MS-DRG Definitions Manual, "Procedure clusters"). MCC and CC stand for the severity of the
 * secondary diagnoses computed for the row.
 */

export type Formula =
  /** `key` is what is looked up (ANY:x is the same operand as bare x); `name` as written. */
  | { kind: 'atom'; key: string; name: string }
  | { kind: 'not'; child: Formula }
  | { kind: 'and' | 'or'; left: Formula; right: Formula };

/** Operand → MDC suppression bits (bit n set: does not count in MDC n). */
export type Facts = ReadonlyMap<string, number>;

/** Parses one formula; throws on a syntax error (a malformed table). */
export function parseFormula(source: string): Formula {
  const tokens = source.match(/[()&|~]|[^\s()&|~]+/g) ?? [];
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`DRG formula "${source}": ${why} at token ${pos}`);
  };
  const expression = (): Formula => {
    let left = term();
    while (tokens[pos] === '|') {
      pos++;
      left = { kind: 'or', left, right: term() };
    }
    return left;
  };
  const term = (): Formula => {
    let left = factor();
    while (tokens[pos] === '&') {
      pos++;
      left = { kind: 'and', left, right: factor() };
    }
    return left;
  };
  const factor = (): Formula => {
    const token = tokens[pos++];
    if (token === undefined) return fail('unexpected end');
    if (token === '~') return { kind: 'not', child: factor() };
    if (token === '(') {
      const inner = expression();
      if (tokens[pos++] !== ')') fail('missing )');
      return inner;
    }
    if (token === ')' || token === '&' || token === '|') return fail(`unexpected "${token}"`);
    return { kind: 'atom', key: token.startsWith('ANY:') ? token.slice(4) : token, name: token };
  };
  const formula = expression();
  if (pos !== tokens.length) fail('trailing tokens');
  return formula;
}

/** The severity atoms a row's formula may test. */
export type SeverityAtom = 'MCC' | 'CC' | null;

function atomHolds(key: string, facts: Facts, mdc: number, severity: SeverityAtom): boolean {
  if (key === 'MCC' || key === 'CC') return key === severity;
  const suppressed = facts.get(key);
  if (suppressed === undefined) return false;
  return mdc < 0 || mdc > 31 || (suppressed & (1 << mdc)) === 0;
}

/** True when the formula holds for the claim facts in MDC `mdc` with the given severity. */
export function evaluate(f: Formula, facts: Facts, mdc: number, severity: SeverityAtom): boolean {
  switch (f.kind) {
    case 'atom':
      return atomHolds(f.key, facts, mdc, severity);
    case 'not':
      return !evaluate(f.child, facts, mdc, severity);
    case 'and':
      return evaluate(f.left, facts, mdc, severity) && evaluate(f.right, facts, mdc, severity);
    case 'or':
      return evaluate(f.left, facts, mdc, severity) || evaluate(f.right, facts, mdc, severity);
  }
}

/**
 * The atoms that make a holding formula hold (of an `or`, the first side that holds; nothing
 * under a `not`): what the CMS grouper marks as having affected the DRG.
 */
export function matchedAtoms(f: Formula, facts: Facts, mdc: number, severity: SeverityAtom, out: Set<string> = new Set()): Set<string> {
  if (!evaluate(f, facts, mdc, severity)) return out;
  switch (f.kind) {
    case 'atom':
      out.add(f.name);
      break;
    case 'not':
      break;
    case 'and':
      matchedAtoms(f.left, facts, mdc, severity, out);
      matchedAtoms(f.right, facts, mdc, severity, out);
      break;
    case 'or':
      if (evaluate(f.left, facts, mdc, severity)) matchedAtoms(f.left, facts, mdc, severity, out);
      else matchedAtoms(f.right, facts, mdc, severity, out);
      break;
  }
  return out;
}

/** Every atom of a formula. */
export function atomsOf(f: Formula, out: Set<string> = new Set()): Set<string> {
  if (f.kind === 'atom') out.add(f.name);
  else if (f.kind === 'not') atomsOf(f.child, out);
  else {
    atomsOf(f.left, out);
    atomsOf(f.right, out);
  }
  return out;
}
