import { prologEnd } from './prolog.ts';
import { UnreadableFileError } from './unreadable-file.ts';

/** How a file's text is to be parsed. */
export type FileFormat = 'json' | 'xml' | 'html';

/** The root start tag's name, prefix included. */
const ROOT_TAG = /^<([A-Za-z_][\w.-]*(?::[\w.-]+)?)/;

/**
 * Decides from the content first (the name only breaks a tie): JSON starts with `{` or `[`; a
 * document whose root element is a CDA `ClinicalDocument`, that opens with an `<?xml` prolog,
 * or is named .xml is XML; any other markup is HTML. Throws an UnreadableFileError for text
 * with no markup at all, or a .json name on something that is not JSON.
 */
export function sniffFormat(text: string, name: string): FileFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') throw new UnreadableFileError('is empty');
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (/\.json$/i.test(name)) throw new UnreadableFileError('is named .json but is not JSON (it does not start with { or [)');
  if (!/<[A-Za-z!?/]/.test(start)) throw new UnreadableFileError('is not HTML, XML or JSON (no markup in it)');
  const rootAt = prologEnd(start);
  const root = ROOT_TAG.exec(start.slice(rootAt, rootAt + 200))?.[1] ?? '';
  if (/(^|:)ClinicalDocument$/.test(root) || /^<\?xml\s/i.test(start) || /\.xml$/i.test(name)) return 'xml';
  return 'html';
}
