/**
 * Importer for the CDC ICD-10-CM Tabular List XML (icd10cm_tabular_YYYY.xml): chapters,
 * sections and the `<diag>` tree with every instructional note. A small tag scanner instead of
 * a DOM: the file is ~9 MB and the same code must run in the service worker, which has no
 * DOMParser. The XML uses no CDATA, no namespaces and a handful of entities.
 */
import { normalizeCode } from './code-format.ts';
import { parseCodeRefs } from './code-refs.ts';
import {
  CodeSetImportError,
  inputText,
  throttledProgress,
  type ProgressCallback,
  type ReleaseInput,
} from './import-progress.ts';
import type { ReferenceNoteKind, TabularNode, TabularNotes, TabularRange, TabularRelease } from './tabular-notes.ts';

const FILE = 'ICD-10-CM tabular XML';
const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z][\w.]*)((?:\s+[\w:-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g;
const REFERENCE_KINDS = new Set<string>(['excludes1', 'excludes2', 'codeFirst', 'useAdditionalCode', 'codeAlso']);
const TEXT_KINDS = new Set<string>(['inclusionTerm', 'includes']);
/** Elements whose text we keep. */
const TEXT_ELEMENTS = new Set(['name', 'desc', 'note', 'extension', 'version']);

type Owner = TabularNode | TabularRange;

interface Frame {
  tag: string;
  owner?: Owner;
  attrs: string;
}

/** Parses the tabular XML; throws {@link CodeSetImportError} when it is not a complete tabular list. */
export function importIcd10cmTabularXml(input: ReleaseInput, onProgress?: ProgressCallback): TabularRelease {
  const xml = inputText(input, FILE);
  if (!/<ICD10CM\.tabular\b/.test(xml.slice(0, 2000))) {
    throw new CodeSetImportError(FILE, 'no <ICD10CM.tabular> root element: this is not the tabular list XML');
  }
  const report = throttledProgress(onProgress, 'tabular list', xml.length, 'bytes', 500_000);
  const nodes: TabularNode[] = [];
  const ranges: TabularRange[] = [];
  const stack: Frame[] = [];
  let version = '';
  let text = '';
  let container: string | undefined;
  let extensionChar = '';
  let last = 0;

  const owner = (): Owner | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const o = stack[i]?.owner;
      if (o) return o;
    }
    return undefined;
  };

  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    text += xml.slice(last, m.index);
    last = TOKEN.lastIndex;
    const [, closing, tag, attrs = '', selfClosing] = m;
    if (!tag) continue; // comment or processing instruction
    if (!closing) {
      const frame: Frame = { tag, attrs };
      if (tag === 'diag') {
        const node: TabularNode = { code: '', title: '' };
        if (/placeholder\s*=\s*"true"/.test(attrs)) node.placeholder = true;
        frame.owner = node;
        nodes.push(node);
      } else if (tag === 'chapter' || tag === 'section') {
        const id = /id\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? '';
        const range: TabularRange = { id, kind: tag, title: '', first: '', last: '' };
        frame.owner = range;
        ranges.push(range);
      } else if (REFERENCE_KINDS.has(tag) || TEXT_KINDS.has(tag) || tag === 'sevenChrDef') {
        container = tag;
      } else if (tag === 'extension') {
        extensionChar = /char\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? '';
      }
      text = '';
      if (!selfClosing) stack.push(frame);
      continue;
    }
    const frame = stack.pop();
    if (frame?.tag !== tag) {
      throw new CodeSetImportError(FILE, `malformed XML: </${tag}> closes <${frame?.tag ?? 'nothing'}> at offset ${m.index}`);
    }
    if (TEXT_ELEMENTS.has(tag)) {
      closeTextElement(tag, decodeEntities(text).replace(/\s+/g, ' ').trim(), owner(), container, extensionChar, stack);
      if (tag === 'version') version = decodeEntities(text).trim();
    } else if (tag === container || (container && tag === 'sevenChrDef')) {
      container = undefined;
    }
    text = '';
    report(m.index);
  }
  if (stack.length > 0) {
    throw new CodeSetImportError(FILE, `truncated: the file ends inside <${stack.map((f) => f.tag).join('> <')}>`);
  }
  const fiscalYear = Number(version);
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2015) {
    throw new CodeSetImportError(FILE, `no usable <version> (found "${version}")`);
  }
  if (nodes.length === 0) throw new CodeSetImportError(FILE, 'no <diag> elements');
  const unnamed = nodes.find((n) => n.code === '');
  if (unnamed) throw new CodeSetImportError(FILE, `a <diag> without <name> (after ${nodes[nodes.indexOf(unnamed) - 1]?.code ?? 'start'})`);
  report(xml.length);
  return { system: 'icd10cm-tabular', fiscalYear, nodes, ranges };
}

function closeTextElement(
  tag: string,
  value: string,
  target: Owner | undefined,
  container: string | undefined,
  extensionChar: string,
  stack: Frame[],
): void {
  if (!target) return;
  const parentTag = stack[stack.length - 1]?.tag;
  if (tag === 'name' && parentTag === 'diag' && 'code' in target) target.code = normalizeCode(value);
  else if (tag === 'name' && parentTag === 'chapter' && !('code' in target)) target.id = value;
  else if (tag === 'desc' && (parentTag === 'diag' || parentTag === 'chapter' || parentTag === 'section')) {
    target.title = value;
    if (!('code' in target)) setRangeBounds(target);
  } else if (tag === 'extension' && container === 'sevenChrDef') {
    (target.seventhCharacters ??= {})[extensionChar] = value;
  } else if (tag === 'note' && container && value) {
    addNote(target, container, value);
  }
}

function addNote(target: TabularNotes, container: string, value: string): void {
  if (REFERENCE_KINDS.has(container)) {
    const kind = container as ReferenceNoteKind;
    (target[kind] ??= []).push({ text: value, refs: parseCodeRefs(value) });
  } else if (container === 'inclusionTerm') {
    (target.inclusionTerms ??= []).push(value);
  } else if (container === 'includes') {
    (target.includes ??= []).push(value);
  }
}

/** Chapters say their range in the title "(A00-B99)"; sections in their id "S70-S79". */
function setRangeBounds(range: TabularRange): void {
  const source = range.kind === 'chapter' ? (/\(([A-Z0-9]{3})-([A-Z0-9]{3})\)\s*$/.exec(range.title) ?? []) : range.id.split('-');
  const first = source[range.kind === 'chapter' ? 1 : 0] ?? '';
  const last = source[range.kind === 'chapter' ? 2 : 1] ?? first;
  range.first = first;
  range.last = last;
}

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    switch (e) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      default: return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}
