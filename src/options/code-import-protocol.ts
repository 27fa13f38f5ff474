import type { ImportProgress } from '../codes/import-progress.ts';
import type { ReleaseRecord, ReleaseSystem } from '../storage/db.ts';

/** Page → import worker. */
export type ToImportWorker =
  | { type: 'start'; system: ReleaseSystem; fiscalYear?: number; file: File }
  | { type: 'cancel' };

/** Import worker → page. */
export type FromImportWorker =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; record: ReleaseRecord; seconds: number }
  | { type: 'failed'; message: string };
