/**
 * RFC 4180 CSV: a field with a comma, a double quote or a line break is quoted, its quotes
 * doubled; records end in CRLF. Chart text (messages, quoted evidence) carries all three.
 */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvRecord(fields: readonly (string | number)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}
