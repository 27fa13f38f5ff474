/**
 * Rows as aligned plain text, two spaces between columns: what a terminal, a log and a pasted
 * email all show the same. Columns marked numeric are right-aligned; the last column is never
 * padded, so no line ends in spaces.
 */
export function alignedTable(rows: readonly (readonly string[])[], numeric: readonly boolean[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, [...cell].length)));
  return rows.map((row) =>
    row
      .map((cell, c) => {
        const pad = (widths[c] ?? 0) - [...cell].length;
        if (numeric[c]) return ' '.repeat(pad) + cell;
        return c === row.length - 1 ? cell : cell + ' '.repeat(pad);
      })
      .join('  '),
  );
}
