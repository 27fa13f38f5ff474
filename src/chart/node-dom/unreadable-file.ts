/**
 * A file chartlint cannot read as a chart: not HTML, XML or JSON, or claiming to be one and
 * broken. The message is one line, without the file name (the CLI puts that in front), and says
 * what is wrong in words a user can act on.
 */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
}
