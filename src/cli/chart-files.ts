import { readdirSync, statSync, type Dirent } from 'node:fs';
import { extname, join, resolve } from 'node:path';

/** What a folder walk picks up: saved pages, C-CDA (and other XML), FHIR JSON. */
const CHART_EXTENSIONS = new Set(['.html', '.htm', '.xml', '.json']);
/** Gold and sidecar files that sit beside charts in corpora and fixtures: never charts. */
const SIDECARS = /\.(?:reading|expected|cases)\.json$/i;

export interface ChartFiles {
  /** Files to audit, in the order their results are written. */
  files: string[];
  /** Arguments or folders that could not be listed: `[path, problem]`. */
  unreadable: [string, unknown][];
}

export function isChartFileName(name: string): boolean {
  return CHART_EXTENSIONS.has(extname(name).toLowerCase()) && !SIDECARS.test(name);
}

/**
 * The files behind `chartlint audit DIR|FILES...`: a file argument as given (whatever its name:
 * the reader sniffs the format), a folder walked recursively for chart files, each folder's
 * files in code-point order of their paths so two runs over the same record set write the same
 * rows in the same order. A file named twice is audited once.
 */
export function chartFiles(args: readonly string[]): ChartFiles {
  const files: string[] = [];
  const unreadable: [string, unknown][] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    const key = resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const arg of args) {
    let isFolder = false;
    try {
      isFolder = statSync(arg).isDirectory();
    } catch {
      // Not there (or not statable): handed on as a file, so the reader says why in its own words.
    }
    if (!isFolder) add(arg);
    else walk(arg, unreadable).sort(byCodePoint).forEach(add);
  }
  return { files, unreadable };
}

function walk(folder: string, unreadable: [string, unknown][]): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    unreadable.push([folder, error]);
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return walk(path, unreadable);
    // A link to a file is followed; a link to a folder is not, so a link loop cannot trap the walk.
    const isFile = entry.isFile() || (entry.isSymbolicLink() && isLinkToFile(path));
    return isFile && isChartFileName(entry.name) ? [path] : [];
  });
}

function isLinkToFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
