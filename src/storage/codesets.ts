/**
 * Code-set releases in IndexedDB. An import parses the file, writes it as a staging release in
 * small transactions, and only at the end, in one transaction, marks it ready and points the
 * system's `active` entry at it. So an interrupted or invalid import leaves the previous release
 * active; the failed attempt is recorded with what was wrong.
 */
import { CodeSetImportError, type ProgressCallback, type ReleaseInput } from '../codes/import-progress.ts';
import { parseRelease } from '../codes/parse-release.ts';
import { CodeTable, type CodeEntry, type CodeTableParts } from '../codes/table.ts';
import type { ChartlintDatabase, ReleaseRecord, ReleaseSystem } from './db.ts';

/** Array fields longer than this are written in chunks of this many items. */
const CHUNK_SIZE = 5000;

export interface ImportRequest {
  system: ReleaseSystem;
  input: ReleaseInput;
  /** File name shown to the user. */
  source: string;
  /** Required for code lists (icd10cm, icd10pcs, hcpcs), which do not state their year. */
  fiscalYear?: number;
  onProgress?: ProgressCallback;
  /** Aborting stops the import between chunks; the previous release stays active. */
  signal?: AbortSignal;
}

/** Imports a release and makes it active; throws (after recording the failure) when it cannot. */
export async function importRelease(db: ChartlintDatabase, request: ImportRequest): Promise<ReleaseRecord> {
  const startedAt = new Date().toISOString();
  const record: ReleaseRecord = {
    id: `${request.system}:${request.fiscalYear ?? '?'}:${startedAt}`,
    system: request.system,
    fiscalYear: request.fiscalYear ?? 0,
    effectiveFrom: '',
    effectiveTo: '',
    source: request.source,
    status: 'staging',
    startedAt,
    counts: {},
    head: {},
    chunkFields: {},
  };
  await db.put('releases', record);
  try {
    const parsed = parseRelease(request.system, request.input, request.fiscalYear, request.onProgress);
    Object.assign(record, {
      fiscalYear: parsed.fiscalYear,
      effectiveFrom: parsed.effectiveFrom,
      effectiveTo: parsed.effectiveTo,
      counts: parsed.counts,
      ...(parsed.version ? { version: parsed.version } : {}),
    });
    await writeChunks(db, record, parsed.payload, request);
    record.status = 'ready';
    record.finishedAt = new Date().toISOString();
    const tx = db.transaction(['releases', 'active'], 'readwrite');
    await tx.objectStore('releases').put(record);
    await tx.objectStore('active').put({ system: record.system, releaseId: record.id, activatedAt: record.finishedAt });
    await tx.done;
    await removeLeftovers(db, record.system);
    return record;
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    await db.put('releases', { ...record, status: 'failed', error: problem, finishedAt: new Date().toISOString() });
    throw error instanceof CodeSetImportError ? error : new CodeSetImportError(request.source, `import stopped: ${problem}`);
  }
}

async function writeChunks(db: ChartlintDatabase, record: ReleaseRecord, payload: Record<string, unknown>, request: ImportRequest): Promise<void> {
  const fields = Object.entries(payload).filter((e): e is [string, unknown[]] => Array.isArray(e[1]) && e[1].length > CHUNK_SIZE);
  const total = fields.reduce((n, [, list]) => n + list.length, 0);
  let written = 0;
  record.head = Object.fromEntries(Object.entries(payload).filter(([key]) => !fields.some(([f]) => f === key)));
  for (const [field, list] of fields) {
    let index = 0;
    for (let start = 0; start < list.length; start += CHUNK_SIZE, index++) {
      if (request.signal?.aborted) throw new Error('the import was cancelled');
      await db.put('releaseChunks', { releaseId: record.id, field, index, values: list.slice(start, start + CHUNK_SIZE) });
      written += Math.min(CHUNK_SIZE, list.length - start);
      request.onProgress?.({ phase: 'saving', done: written, total, unit: 'entries' });
    }
    record.chunkFields[field] = index;
  }
}

/** Staging and failed imports of a system, superseded by a successful one. */
async function removeLeftovers(db: ChartlintDatabase, system: ReleaseSystem): Promise<void> {
  for (const old of await db.getAllFromIndex('releases', 'by-system', system)) {
    if (old.status !== 'ready') await deleteRelease(db, old.id);
  }
}

/** Deletes a release and its chunks (not the active one of its system). */
export async function deleteRelease(db: ChartlintDatabase, id: string): Promise<void> {
  const record = await db.get('releases', id);
  if (record && (await db.get('active', record.system))?.releaseId === id) throw new Error(`release ${id} is active`);
  const tx = db.transaction(['releases', 'releaseChunks'], 'readwrite');
  const chunks = tx.objectStore('releaseChunks');
  for (const key of await chunks.index('by-release').getAllKeys(id)) await chunks.delete(key);
  await tx.objectStore('releases').delete(id);
  await tx.done;
}

/** Every release, newest first, with its status (an interrupted one stays 'staging'). */
export async function listReleases(db: ChartlintDatabase): Promise<ReleaseRecord[]> {
  return (await db.getAll('releases')).sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
}

/** Makes an earlier ready release active again. */
export async function activateRelease(db: ChartlintDatabase, id: string): Promise<void> {
  const record = await db.get('releases', id);
  if (record?.status !== 'ready') throw new Error(`release ${id} is not a complete import`);
  await db.put('active', { system: record.system, releaseId: id, activatedAt: new Date().toISOString() });
}

/** The active release of a system with its payload reassembled, or undefined. */
export async function loadActiveRelease(db: ChartlintDatabase, system: ReleaseSystem): Promise<{ record: ReleaseRecord; payload: Record<string, unknown> } | undefined> {
  const active = await db.get('active', system);
  const record = active && (await db.get('releases', active.releaseId));
  if (record?.status !== 'ready') return undefined;
  const payload: Record<string, unknown> = { ...record.head };
  const chunks = await db.getAllFromIndex('releaseChunks', 'by-release', record.id);
  for (const [field, count] of Object.entries(record.chunkFields)) {
    const parts = chunks.filter((c) => c.field === field).sort((a, b) => a.index - b.index);
    if (parts.length !== count) throw new Error(`release ${record.id}: ${field} has ${parts.length} of ${count} chunks`);
    payload[field] = parts.flatMap((c) => c.values);
  }
  return { record, payload };
}

/**
 * The active ICD-10-CM table with the active tabular notes, MCE and MS-DRG attributes, or
 * undefined when no ICD-10-CM release was imported (use the starter table then).
 */
export async function getActiveTable(db: ChartlintDatabase): Promise<CodeTable | undefined> {
  const codes = await loadActiveRelease(db, 'icd10cm');
  if (!codes) return undefined;
  const [tabular, mce, drg] = await Promise.all([loadActiveRelease(db, 'icd10cm-tabular'), loadActiveRelease(db, 'mce'), loadActiveRelease(db, 'msdrg')]);
  const { record } = codes;
  const parts: CodeTableParts = {
    release: { system: 'icd10cm', fiscalYear: record.fiscalYear, effectiveFrom: record.effectiveFrom, effectiveTo: record.effectiveTo, source: record.source },
    entries: codes.payload.entries as CodeEntry[],
  };
  if (tabular) parts.tabular = tabular.payload as unknown as NonNullable<CodeTableParts['tabular']>;
  if (mce) parts.mce = mce.payload as unknown as NonNullable<CodeTableParts['mce']>;
  if (drg) parts.drg = drg.payload as unknown as NonNullable<CodeTableParts['drg']>;
  return new CodeTable(parts);
}
