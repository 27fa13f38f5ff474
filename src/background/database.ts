import { openChartlintDb, type ChartlintDatabase } from '../storage/db.ts';

let opening: Promise<ChartlintDatabase> | undefined;

/** The extension's database, opened once per worker life and shared by every handler. */
export function database(): Promise<ChartlintDatabase> {
  opening ??= openChartlintDb().catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}
