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

describe('mergeFrames with frames that report for themselves', () => {
  const note = (id: string, ref: { text: string; selector: string; frame?: string }) => ({
    id, kind: 'progress-note', title: { value: 'Progress Note', source: ref }, signature: { status: 'unsigned' as const }, identifiers: {}, sections: [], source: ref,
  });

  it('keeps the frame’s own reading of a note and drops the copy its parent read through the frame', () => {
    const top = snapshot({ documents: [note('note-1', { text: 'Progress Note', selector: '#note-1', frame: 'content' })] });
    const content = snapshot({ documents: [note('note-1', { text: 'Progress Note', selector: '#note-1' })] });
    const merged = mergeFrames([{ frameId: 0, snapshot: top }, { frameId: 3, snapshot: content }]);
    expect(merged.documents.map((d) => d.id)).toEqual(['frame3:note-1']);
  });

  it('keeps what the top frame read through a frame while it is the only reading', () => {
    const top = snapshot({ documents: [note('note-1', { text: 'Progress Note', selector: '#note-1', frame: 'content' })] });
    expect(mergeFrames([{ frameId: 0, snapshot: top }]).documents.map((d) => d.id)).toEqual(['note-1']);
  });
});
