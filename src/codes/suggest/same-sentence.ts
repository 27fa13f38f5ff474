/**
 * Codes stated only as the description of another in the same sentence ("old MI (NSTEMI
 * 2018)": the NSTEMI is the old infarction's type, not a current one). Which codes describe
 * which is data (gives-way.json `sameSentence`).
 */
import { sourceRefKey } from '../../chart/source-ref-key.ts';
import { normalizeCode } from '../code-format.ts';
import givesWayJson from './gives-way.json';
import type { Mention } from './types.ts';

const DESCRIBED_BY: readonly [string, string[]][] = Object.entries((givesWayJson as unknown as { sameSentence: { map: Record<string, string[]> } }).sameSentence.map).map(([k, v]) => [
  normalizeCode(k),
  v.map(normalizeCode),
]);

/** Removes, in place, the current codes every mention of which shares its sentence with a code that describes it. */
export function dropDescriptions(current: Map<string, Mention[]>): void {
  for (const [code, mentions] of [...current]) {
    const by = DESCRIBED_BY.find(([p]) => code.startsWith(p))?.[1];
    if (!by) continue;
    const sentences = new Set([...current].filter(([c]) => by.some((p) => c.startsWith(p))).flatMap(([, ms]) => ms.map((m) => sourceRefKey(m.source))));
    if (mentions.every((m) => sentences.has(sourceRefKey(m.source)))) current.delete(code);
  }
}
