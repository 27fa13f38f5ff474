/**
 * The malformed entries of the suggester's knowledge files (the lexicon's synonyms and
 * templates, the status-code mappings, the combinations), each with its file and line, for the
 * build step (scripts/check-coding-data.ts) and the tests. A file that is not JSON at all is
 * reported at the line of the parse error. Every loader leaves a malformed entry out and loads
 * the others, so a problem reported here never stops the rest from working.
 */
import { COMBINATIONS_FILE, loadCombinations } from './combinations.ts';
import type { DataProblem } from './data-check.ts';
import { LEXICON_FILE, loadLexiconEntries } from './lexicon.ts';
import { loadStatusEntries, STATUS_FILE } from './status.ts';

/** The files checked, relative to the repository root. */
export const CODING_DATA_FILES = [LEXICON_FILE, STATUS_FILE, COMBINATIONS_FILE] as const;

type Loader = (raw: never, file: string, text: string) => { problems: DataProblem[] };
const LOADERS: Record<(typeof CODING_DATA_FILES)[number], Loader> = {
  [LEXICON_FILE]: loadLexiconEntries,
  [STATUS_FILE]: loadStatusEntries,
  [COMBINATIONS_FILE]: loadCombinations,
};

/** The line of a JSON.parse error ("... at position 1234" or "(line 5 column 3)"), if it says. */
function parseErrorLine(text: string, error: unknown): number | undefined {
  const message = String(error instanceof Error ? error.message : error);
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  return position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
}

/** The problems of one knowledge file given its text. */
export function dataFileProblems(file: (typeof CODING_DATA_FILES)[number], text: string): DataProblem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const line = parseErrorLine(text, error);
    return [{ file, pointer: '', ...(line !== undefined ? { line } : {}), message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }];
  }
  return LOADERS[file](raw as never, file, text).problems;
}

/** The problems of every knowledge file, read by `read` (a path relative to the repository root). */
export function codingDataProblems(read: (file: string) => string): DataProblem[] {
  return CODING_DATA_FILES.flatMap((file) => dataFileProblems(file, read(file)));
}
