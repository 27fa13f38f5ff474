/** Hands the browser a text file to save; nothing is sent anywhere. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the file over by now; the blob is not needed any more.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
