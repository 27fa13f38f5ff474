/**
 * Checking the entries of a knowledge file (lexicon, status codes) one by one: a malformed
 * entry is left out and reported with its file and line, and the others still load. Line
 * numbers need the file's text, which a build step or test has (the bundle holds only the
 * parsed JSON: there the problem names the entry by its JSON pointer).
 */

/** One malformed entry. */
export interface DataProblem {
  file: string;
  /** 1-based line of the entry, when the file's text was given. */
  line?: number;
  /** JSON pointer of the entry, e.g. `/drugs/3`. */
  pointer: string;
  message: string;
}

/** "file:line: message" (or "file#pointer: message" without the text). */
export function formatProblem(p: DataProblem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : `#${p.pointer}`}: ${p.message} (${p.pointer})`;
}

/**
 * The 1-based line where each value of a JSON text starts, by JSON pointer. A small scanner:
 * the files are our own, well-formed JSON (a parse error is the caller's to report).
 */
export function jsonLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const str = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string): void => {
    skip();
    lines.set(pointer, line);
    const c = text[i];
    if (c === '{') {
      i++;
      for (skip(); text[i] !== '}' && i < text.length; skip()) {
        const key = str();
        skip();
        i++; // ':'
        value(`${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
        skip();
        if (text[i] === ',') i++;
      }
      i++;
    } else if (c === '[') {
      i++;
      skip();
      for (let n = 0; text[i] !== ']' && i < text.length; n++) {
        value(`${pointer}/${n}`);
        skip();
        if (text[i] === ',') i++;
        skip();
      }
      i++;
    } else if (c === '"') str();
    else while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  };
  value('');
  return lines;
}

/**
 * The entries of `list` (at `pointer` in `file`) that `problemOf` accepts, and a problem for
 * each other one. `text` is the file's text, for line numbers.
 */
export function checkedEntries<T>(list: unknown, pointer: string, file: string, problemOf: (v: unknown) => string | undefined, text?: string): { entries: T[]; problems: DataProblem[] } {
  const lines = text === undefined ? undefined : jsonLines(text);
  const where = (p: string): Pick<DataProblem, 'file' | 'pointer' | 'line'> => ({ file, pointer: p, ...(lines?.has(p) ? { line: lines.get(p)! } : {}) });
  if (!Array.isArray(list)) return { entries: [], problems: [{ ...where(pointer), message: 'expected a list of entries' }] };
  const entries: T[] = [];
  const problems: DataProblem[] = [];
  list.forEach((v, i) => {
    const message = problemOf(v);
    if (message) problems.push({ ...where(`${pointer}/${i}`), message });
    else entries.push(v as T);
  });
  return { entries, problems };
}
