import type { DomAdapter, DomInput } from './adapter.ts';
import { DOM_ADAPTERS } from './adapters/index.ts';
import { withCoverage } from './coverage.ts';
import { emptySnapshot, type ChartSnapshot } from './snapshot.ts';

/**
 * Picks the adapter for a page and reads it. Never throws: a page an adapter chokes on gives
 * a partial (possibly empty) snapshot whose warnings say what went wrong, because the content
 * script runs inside the user's EHR and must never break it.
 */
export function extractFromDom(input: DomInput, adapters: readonly DomAdapter[] = DOM_ADAPTERS): ChartSnapshot {
  const adapter = pickAdapter(input, adapters);
  if (!adapter) {
    const snapshot = emptySnapshot('none', input.now);
    snapshot.warnings.push('No adapter recognises this page.');
    return withSource(snapshot, input);
  }
  try {
    return withSource(adapter.extract(input), input);
  } catch (error) {
    const snapshot = emptySnapshot(adapter.id, input.now);
    snapshot.warnings.push(`The ${adapter.id} adapter could not read this page: ${describe(error)}`);
    return withSource(snapshot, input);
  }
}

/** The first adapter that claims the page; a `matches` that throws counts as "no". */
export function pickAdapter(input: DomInput, adapters: readonly DomAdapter[] = DOM_ADAPTERS): DomAdapter | undefined {
  return adapters.find((adapter) => {
    try {
      return adapter.matches(input);
    } catch {
      return false;
    }
  });
}

/** Stamps where and when the snapshot was read, and what the reading covered. */
export function withSource(snapshot: ChartSnapshot, input: DomInput): ChartSnapshot {
  snapshot.source.url ??= input.url;
  snapshot.source.title ??= titleOf(input.document);
  snapshot.source.extractedAt = input.now;
  return withCoverage(snapshot);
}

/** `document.title` searches the tree; on a pathological page (happy-dom, 20,000 deep) it can throw. */
function titleOf(document: Document): string | undefined {
  try {
    return document.title || undefined;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
