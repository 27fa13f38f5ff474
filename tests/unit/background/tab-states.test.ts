import { describe, expect, it, vi } from 'vitest';
import { emptySnapshot, type ChartSnapshot } from '../../../src/chart/snapshot.ts';

// nextRecord is pure; the module's storage helpers need the extension API, which is absent here.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { nextRecord, updatedReading } = await import('../../../src/background/tab-states.ts');

const NOW = '2026-11-24T12:00:00.000Z';
const reading = (title: string): ChartSnapshot => ({ ...emptySnapshot('generic', NOW), source: { adapter: 'generic', extractedAt: NOW, title } });
const finding = { rule: 'document-unsigned' } as never;

describe('nextRecord: a tab’s frames after a new reading', () => {
  const framePage = () => {
    let record = nextRecord(undefined, { frameId: 0, snapshot: reading('top'), url: 'http://ehr/chart', now: NOW });
    record = nextRecord(record, { frameId: 4, snapshot: reading('nav'), now: NOW });
    record = nextRecord(record, { frameId: 5, snapshot: reading('notes'), now: NOW });
    return { ...record, findings: [finding] };
  };

  it('keeps the other frames’ readings when one frame reports again', () => {
    const record = nextRecord(framePage(), { frameId: 5, snapshot: reading('notes, edited'), now: NOW });
    expect(record.frames.map((f) => `${f.frameId}:${f.snapshot.source.title}`)).toEqual(['0:top', '4:nav', '5:notes, edited']);
    expect(record.findings).toEqual([finding]);
    expect(record.url).toBe('http://ehr/chart');
  });

  it('after a reload (new frame ids, same URL), drops the frames that are gone', () => {
    const record = nextRecord(framePage(), { frameId: 9, snapshot: reading('notes again'), live: new Set([0, 8, 9]), now: NOW });
    expect(record.frames.map((f) => f.frameId)).toEqual([0, 9]);
  });

  it('treats a changed top-frame URL (pushState) as a new chart, keeping sub-frames that are still there', () => {
    const record = nextRecord(framePage(), { frameId: 0, snapshot: reading('second patient'), url: 'http://ehr/chart?patient=2', live: new Set([0, 4, 5]), now: NOW });
    expect(record.frames.map((f) => f.frameId)).toEqual([4, 5, 0]);
    expect(record.findings).toEqual([]);
    expect(record.url).toBe('http://ehr/chart?patient=2');
  });

  it('without word from the browser on live frames, a changed top-frame URL drops every other reading', () => {
    const record = nextRecord(framePage(), { frameId: 0, snapshot: reading('second patient'), url: 'http://ehr/other', now: NOW });
    expect(record.frames.map((f) => f.frameId)).toEqual([0]);
  });

  it('keeps a sub-frame that reported before the new page’s top frame did', () => {
    let record = nextRecord(framePage(), { frameId: 12, snapshot: reading('new notes'), live: new Set([0, 11, 12]), now: NOW });
    record = nextRecord(record, { frameId: 0, snapshot: reading('new top'), url: 'http://ehr/chart?patient=2', live: new Set([0, 11, 12]), now: NOW });
    expect(record.frames.map((f) => `${f.frameId}:${f.snapshot.source.title}`)).toEqual(['12:new notes', '0:new top']);
  });
});

describe('nextRecord: what the panel needs without the readings', () => {
  it('carries the merged chart’s key and whether it holds a chart', () => {
    const withPatient: ChartSnapshot = { ...reading('top'), patient: { mrn: { value: '4820193', source: { text: '4820193' } } } };
    const record = nextRecord(undefined, { frameId: 0, snapshot: withPatient, url: 'http://ehr/chart', now: NOW });
    expect(record.empty).toBe(false);
    expect(record.chartKey).toMatch(/^c/);
    const blank = nextRecord(undefined, { frameId: 0, snapshot: reading('top'), url: 'http://ehr/chart', now: NOW });
    expect(blank.empty).toBe(true);
    expect(blank.chartKey).not.toBe(record.chartKey);
  });
});

describe('updatedReading: a frame’s partial update', () => {
  const withNotes = (title: string, ...ids: string[]): ChartSnapshot => ({
    ...reading(title),
    documents: ids.map((id) => ({ id, kind: 'progress-note', title: { value: id, source: { text: id } }, signature: { status: 'unsigned' }, identifiers: {}, sections: [], source: { text: id } })),
  });
  const signed = (id: string) => ({ ...withNotes('x', id).documents[0]!, signature: { status: 'signed' as const } });
  const twoFrames = () => {
    const record = nextRecord(undefined, { frameId: 0, snapshot: withNotes('top', 'a'), url: 'http://ehr/chart', now: NOW, seq: 7 });
    return nextRecord(record, { frameId: 4, snapshot: withNotes('notes', 'n1', 'n2'), now: NOW, seq: 3 });
  };

  it('applies the update to the frame’s reading and names the changed documents as the merged chart does', () => {
    const update = { base: 3, seq: 4, rest: withNotes('notes'), changed: [{ index: 1, document: signed('n2') }] };
    const result = updatedReading(twoFrames(), 4, update);
    expect(result?.snapshot.documents.map((d) => `${d.id}:${d.signature.status}`)).toEqual(['n1:unsigned', 'n2:signed']);
    expect(result?.changedIds).toEqual(['frame4:n2']);
    // The top frame's ids, and a lone frame's, carry no prefix.
    const top = updatedReading(twoFrames(), 0, { base: 7, seq: 8, rest: withNotes('top'), changed: [{ index: 0, document: signed('a') }] });
    expect(top?.changedIds).toEqual(['a']);
  });

  it('asks for the whole chart when it does not hold the reading the update amends', () => {
    const update = { base: 2, seq: 3, rest: withNotes('notes'), changed: [] };
    expect(updatedReading(twoFrames(), 4, update)).toBeUndefined();
    expect(updatedReading(twoFrames(), 9, { ...update, base: 3 })).toBeUndefined();
    expect(updatedReading(undefined, 4, { ...update, base: 3 })).toBeUndefined();
    // A position the reading does not have.
    expect(updatedReading(twoFrames(), 4, { base: 3, seq: 4, rest: withNotes('notes'), changed: [{ index: 5, document: signed('n9') }] })).toBeUndefined();
  });
});
