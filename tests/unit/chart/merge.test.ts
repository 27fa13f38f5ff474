import { describe, expect, it } from 'vitest';
import { mergeFrames } from '../../../src/chart/merge.ts';
import { emptySnapshot, type ChartSnapshot } from '../../../src/chart/snapshot.ts';

function snapshot(patch: Partial<ChartSnapshot>, at = '2026-11-24T10:00:00Z'): ChartSnapshot {
  return { ...emptySnapshot('generic', at), ...patch };
}
const source = { text: 'x' };

describe('mergeFrames', () => {
  it('joins a frame-based chart into one: top frame first, ids of other frames prefixed', () => {
    const top = snapshot({ patient: { name: { value: 'Rivera, Maria L', source } } });
    const notes = snapshot(
      {
        patient: { name: { value: 'RIVERA MARIA', source }, mrn: { value: '4820193', source } },
        documents: [{ id: 'n1', kind: 'progress-note', title: { value: 'Progress Note', source }, signature: { status: 'unsigned' }, identifiers: {}, sections: [], source }],
        warnings: ['No date on note 1'],
      },
      '2026-11-24T10:00:05Z',
    );
    const merged = mergeFrames([{ frameId: 7, snapshot: notes }, { frameId: 0, snapshot: top }]);
    expect(merged.patient.name?.value).toBe('Rivera, Maria L');
    expect(merged.patient.mrn?.value).toBe('4820193');
    expect(merged.documents.map((d) => d.id)).toEqual(['frame7:n1']);
    expect(merged.warnings).toEqual(['frame7: No date on note 1']);
    expect(merged.source.extractedAt).toBe('2026-11-24T10:00:05Z');
  });

  it('returns a single frame’s snapshot as it is', () => {
    const only = snapshot({});
    expect(mergeFrames([{ frameId: 0, snapshot: only }])).toBe(only);
  });
});
