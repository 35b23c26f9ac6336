/** Hands a file made or downloaded in the page to the browser under a name. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  saveUrl(url, name);
  // The browser has taken the file; the copy in memory can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The same for a data: or blob: URL (a chart's or the map's PNG). */
export function saveUrl(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}
