/**
 * Save bytes as a file through a temporary object URL (no server involved). The URL is revoked
 * after the click so the data does not stay in memory.
 */
export function downloadBytes(bytes: Uint8Array | Blob | string, fileName: string, type: string): void {
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
