import { openChartlintDb, type ChartlintDatabase } from '../storage/db.ts';

let opening: Promise<ChartlintDatabase> | undefined;

/** The extension's database, opened once for the options page. */
export function database(): Promise<ChartlintDatabase> {
  opening ??= openChartlintDb().catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}
