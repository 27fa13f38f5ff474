import { describe, expect, it } from 'vitest';
import { changedDocumentIds } from '../../../src/chart/changed-documents.ts';
import { emptySnapshot, type ChartDocument } from '../../../src/chart/snapshot.ts';

const source = { text: 'x' };
const doc = (id: string, text: string): ChartDocument => ({
  id, kind: 'progress-note', title: { value: 'Progress Note', source }, signature: { status: 'unsigned' },
  identifiers: {}, sections: [{ title: 'Plan', text, source }], source,
});
const chart = (...documents: ChartDocument[]) => ({ ...emptySnapshot('demo-ehr', '2026-11-24T10:00:00Z'), documents });

describe('changedDocumentIds', () => {
  it('names the new and the edited documents, not the unchanged ones', () => {
    const before = chart(doc('a', 'Euvolemic.'), doc('b', 'Stable.'));
    const after = chart(doc('a', 'Euvolemic. Switch to oral furosemide.'), doc('b', 'Stable.'), doc('c', 'New note.'));
    expect(changedDocumentIds(before, after)).toEqual(['a', 'c']);
  });

  it('asks for a full evaluation when there is nothing to compare with', () => {
    expect(changedDocumentIds(undefined, chart(doc('a', 'x')))).toBeUndefined();
  });
});
