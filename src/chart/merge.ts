import { withCoverage, type ReadLimits } from './coverage.ts';
import { emptySnapshot, type ChartSnapshot, type SourceRef } from './snapshot.ts';

export interface FrameSnapshot {
  frameId: number;
  snapshot: ChartSnapshot;
  /** The frame's number for this reading, which its next partial update names as its base. */
  seq?: number;
}

/**
 * One chart from the snapshots of a tab's frames (older EHRs spread a chart over frames).
 * The top frame (id 0) comes first and wins for single values; lists are joined, with ids of
 * other frames prefixed so they stay unique and a finding can be traced to its frame.
 *
 * A parent reads its same-origin frames too (items with `source.frame`), but the content
 * script runs in every frame and each frame's own reading is the one kept fresh (the parent
 * does not see a frame's changes): once frames report for themselves, what a parent read of
 * them is dropped, or every note in a frame would count twice.
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
    const prefix = mergedId(sorted.length, frameId, '');
    const take = <T extends { id: string; source: SourceRef }>(items: T[]): T[] =>
      items.filter((item) => item.source.frame === undefined).map((item) => ({ ...item, id: prefix + item.id }));
    merged.patient = { ...snapshot.patient, ...merged.patient };
    merged.encounter = merged.encounter ?? snapshot.encounter;
    merged.documents.push(...take(snapshot.documents));
    merged.diagnoses.push(...take(snapshot.diagnoses));
    merged.procedures.push(...take(snapshot.procedures));
    merged.orders.push(...take(snapshot.orders));
    merged.forms.push(...take(snapshot.forms));
    merged.warnings.push(...snapshot.warnings.map((w) => (prefix ? `${prefix} ${w}` : w)));
    if (snapshot.source.extractedAt > merged.source.extractedAt) merged.source.extractedAt = snapshot.source.extractedAt;
  }
  merged.source.adapter = [...adapters].join('+');
  return withCoverage(merged, mergedLimits(sorted.map((f) => f.snapshot)));
}

/** How the merged chart of `frameCount` frames spells the id of a frame's item. */
export function mergedId(frameCount: number, frameId: number, id: string): string {
  return frameCount === 1 || frameId === 0 ? id : `frame${frameId}:${id}`;
}

/** What the frames' readers measured, added up: unread text anywhere, a budget hit in any frame. */
function mergedLimits(snapshots: ChartSnapshot[]): ReadLimits {
  const unassigned = { blocks: 0, characters: 0, samples: [] as string[] };
  for (const s of snapshots) {
    const u = s.coverage?.unassigned;
    if (!u) continue;
    unassigned.blocks += u.blocks;
    unassigned.characters += u.characters;
    unassigned.samples.push(...u.samples.slice(0, 3 - unassigned.samples.length));
  }
  return { unassigned, truncated: snapshots.some((s) => s.coverage?.truncated === true) };
}
