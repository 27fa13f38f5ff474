import { emptySnapshot, type ChartSnapshot } from './snapshot.ts';

export interface FrameSnapshot {
  frameId: number;
  snapshot: ChartSnapshot;
}

/**
 * One chart from the snapshots of a tab's frames (older EHRs spread a chart over frames).
 * The top frame (id 0) comes first and wins for single values; lists are joined, with ids of
 * other frames prefixed so they stay unique and a finding can be traced to its frame.
 */
export function mergeFrames(frames: FrameSnapshot[]): ChartSnapshot {
  const sorted = [...frames].sort((a, b) => a.frameId - b.frameId);
  const first = sorted[0];
  if (!first) return emptySnapshot('none', new Date(0).toISOString());
  if (sorted.length === 1) return first.snapshot;
  const merged = emptySnapshot(first.snapshot.source.adapter, first.snapshot.source.extractedAt);
  merged.source = { ...first.snapshot.source };
  const adapters = new Set<string>();
  for (const { frameId, snapshot } of sorted) {
    adapters.add(snapshot.source.adapter);
    const prefix = frameId === 0 ? '' : `frame${frameId}:`;
    const reid = <T extends { id: string }>(item: T): T => ({ ...item, id: prefix + item.id });
    merged.patient = { ...snapshot.patient, ...merged.patient };
    merged.encounter = merged.encounter ?? snapshot.encounter;
    merged.documents.push(...snapshot.documents.map(reid));
    merged.diagnoses.push(...snapshot.diagnoses.map(reid));
    merged.procedures.push(...snapshot.procedures.map(reid));
    merged.orders.push(...snapshot.orders.map(reid));
    merged.forms.push(...snapshot.forms.map(reid));
    merged.warnings.push(...snapshot.warnings.map((w) => (prefix ? `${prefix} ${w}` : w)));
    if (snapshot.source.extractedAt > merged.source.extractedAt) merged.source.extractedAt = snapshot.source.extractedAt;
  }
  merged.source.adapter = [...adapters].join('+');
  return merged;
}
