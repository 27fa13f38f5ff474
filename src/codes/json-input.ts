/** Shared by the importers of decoded JSON tables (MCE, MS-DRG): parse and shape checks. */
import { CodeSetImportError, inputText, type ReleaseInput } from './import-progress.ts';

/** Parses JSON text or bytes; a truncated or non-JSON file becomes a clear import error. */
export function parseJsonInput(input: ReleaseInput, file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(inputText(input, file));
  } catch (error) {
    if (error instanceof CodeSetImportError) throw error;
    throw new CodeSetImportError(file, `not valid JSON (truncated?): ${(error as Error).message}`);
  }
  if (!isRecord(value)) throw new CodeSetImportError(file, 'the top level is not a JSON object');
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object under `key`, or an import error naming the missing part. */
export function requireRecord(parent: Record<string, unknown>, key: string, file: string): Record<string, unknown> {
  const value = parent[key];
  if (!isRecord(value)) throw new CodeSetImportError(file, `missing or malformed "${key}" object`);
  return value;
}

/** yyyyMMdd (the CMS tables' format) to ISO yyyy-MM-dd; '' stays '' (open-ended). */
export function isoFromCompact(date: string, file: string): string {
  if (date === '') return '';
  if (!/^\d{8}$/.test(date)) throw new CodeSetImportError(file, `date "${date}" is not yyyyMMdd`);
  return `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
}

/** The value if it is a string, else '' (for optional text fields of decoded tables). */
export function stringOr(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;
}
