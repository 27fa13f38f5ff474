import { UnreadableFileError } from '../chart/node-dom/unreadable-file.ts';

/**
 * The one stderr line for a file the CLI could not read: the command, the file, the problem.
 * Never a stack: a batch log should say which chart to look at and why, one chart a line. An
 * error chartlint did not foresee says so, and CHARTLINT_DEBUG=1 prints its stack for a report.
 */
export function fileErrorLine(command: string, file: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const problem = error instanceof UnreadableFileError ? message : `could not be read (${message})`;
  if (process.env.CHARTLINT_DEBUG && error instanceof Error && error.stack) console.error(error.stack);
  return `chartlint ${command}: ${file}: ${problem.replace(/\s+/g, ' ').trim()}`;
}
