import type { CopyBudget } from './page-copy.ts';
import { thousands } from '../chart/thousands.ts';

/** Node.DOCUMENT_POSITION_FOLLOWING, without the global (a Node DOM may not define it). */
const FOLLOWING = 4;

/**
 * What a walk of a large page (page-copy.ts, page-markup.ts) has spent of its CopyBudget, and
 * what it left out: one tally so that both walks cut the page alike and say so in the same words.
 */
export class WalkBudget {
  /** Elements and non-blank text nodes taken. */
  nodes = 0;
  /** True once the node budget stopped the walk. */
  full = false;
  private longValues = 0;
  private readonly selects = new Map<Element, { options: number; cut: boolean }>();

  constructor(readonly budget: CopyBudget) {}

  /** Takes one node; false (and `full`) when the budget is spent: the walk stops before it. */
  take(): boolean {
    if (this.nodes >= this.budget.nodes) {
      this.full = true;
      return false;
    }
    this.nodes++;
    return true;
  }

  /** A select taken: its options are counted from here. */
  selectTaken(select: Element): void {
    this.selects.set(select, { options: 0, cut: false });
  }

  /** An option past its select's budget and not chosen: left out. */
  optionLeftOut(option: Element): boolean {
    const select = option.closest('select');
    const seenOf = select ? this.selects.get(select) : undefined;
    if (!seenOf || ++seenOf.options <= this.budget.optionsPerSelect || (option as HTMLOptionElement).selected) return false;
    seenOf.cut = true;
    return true;
  }

  /**
   * Once `option`'s select is past its budget there: the chosen choices after it, for the walk
   * to take before it skips the rest of the select, and the select's choices counted at once.
   * Walked one by one, 50,000 choices cost the EHR page hundreds of slices for nothing.
   */
  restOfSelect(option: Element): { select: Element; chosen: HTMLOptionElement[] } | undefined {
    const select = option.closest<HTMLSelectElement>('select');
    const seenOf = select ? this.selects.get(select) : undefined;
    if (!select || !seenOf) return undefined;
    seenOf.options = Math.max(seenOf.options, select.options.length);
    const following = (o: Element) => (option.compareDocumentPosition(o) & FOLLOWING) !== 0;
    return { select, chosen: [...select.selectedOptions].filter(following) };
  }

  /** `text` cut to the budget's characters (counted when cut). */
  cut(text: string): string {
    if (text.length <= this.budget.chars) return text;
    this.longValues++;
    return text.slice(0, this.budget.chars);
  }

  /** One warning for each thing left out (none: nothing was). */
  warnings(): string[] {
    const warnings: string[] = [];
    if (this.full) warnings.push(`This page is very large: only its first ${thousands(this.budget.nodes)} nodes were read, so as not to slow the page down.`);
    for (const s of this.selects.values()) {
      if (s.cut) warnings.push(`A list of ${thousands(s.options)} choices was cut to its first ${thousands(this.budget.optionsPerSelect)} (and the chosen ones): only part of the page was read.`);
    }
    if (this.longValues > 0) {
      warnings.push(`${thousands(this.longValues)} text or attribute value${this.longValues === 1 ? '' : 's'} longer than ${thousands(this.budget.chars)} characters cut to that length: only part of the page was read.`);
    }
    return warnings;
  }
}

/** Ends a walk's levels up to the one of `parent`'s children (`of`): what they opened still closes. */
export function skipTo(stack: { next: Node | null; of?: Node }[], parent: Node | undefined): void {
  if (!parent || !stack.some((level) => level.of === parent)) return;
  for (let i = stack.length - 1; i >= 0; i--) {
    stack[i]!.next = null;
    if (stack[i]!.of === parent) return;
  }
}
