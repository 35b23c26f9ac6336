/** Hands a downloaded file to the browser under a name. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file; the copy in memory can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
