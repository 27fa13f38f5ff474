import { UnreadableFileError } from './unreadable-file.ts';

/**
 * A file's bytes as text: UTF-8 unless a byte-order mark says UTF-16 (Windows tools save
 * C-CDA that way), without the mark. Bytes that no chart holds (NUL) mean a binary file, which
 * the HTML parser would otherwise accept as a page of noise.
 */
export function fileText(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  const text = new TextDecoder(encoding).decode(bytes); // strips the BOM
  if (text.includes('\u0000') || looksBinary(text.slice(0, 4096))) throw new UnreadableFileError('is a binary file, not HTML, XML or JSON');
  return text;
}

/** Mostly undecodable bytes or control characters: a text file in another encoding has a few. */
function looksBinary(head: string): boolean {
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d)) odd++;
  }
  return odd > head.length / 10;
}
