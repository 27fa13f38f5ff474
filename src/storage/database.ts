import { openChartlintDb, type ChartlintDatabase } from './db.ts';

let opening: Promise<ChartlintDatabase> | undefined;

/**
 * The extension's database, opened once per context (the worker, or an extension page) and
 * shared by everything in it. A failed open is forgotten so the next call tries again.
 */
export function database(): Promise<ChartlintDatabase> {
  opening ??= openChartlintDb().catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}
