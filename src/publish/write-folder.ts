/**
 * Writing a publication: into a folder the user picks (the File System Access API, Chromium 86
 * has it), in the order `orderFiles` gives, so the top-level manifest lands last; or, where the
 * browser has no such API, as one .zip to unpack into the server's folder.
 */
import type { PublishedFile } from './partition';
import { isVersionName, KEEP_VERSIONS, MANIFEST_PATH } from './folder';
import { zipParts } from './zip';

/** The part of the File System Access API used here (typed locally: lib.dom's may lag). */
export interface DirectoryHandle {
  name: string;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirectoryHandle>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<{ createWritable(): Promise<{ write(data: BufferSource | Blob): Promise<void>; close(): Promise<void> }> }>;
  removeEntry(name: string, options?: { recursive?: boolean }): Promise<void>;
  keys(): AsyncIterable<string>;
}

/**
 * The picker of a folder to write into, when the browser has one.
 * @example const pick = directoryPicker(); if (pick) dir = await pick()
 */
export function directoryPicker(): (() => Promise<DirectoryHandle>) | undefined {
  const w = window as unknown as { showDirectoryPicker?: (options?: { mode?: string }) => Promise<DirectoryHandle> };
  return w.showDirectoryPicker ? () => w.showDirectoryPicker!({ mode: 'readwrite' }) : undefined;
}

/**
 * Write the files into `dir` in order (the manifest last), then remove version folders older
 * than the ones kept.
 * @example await writeToDirectory(dir, ordered, 'v20260101T000000Z', (n, total) => progress(n / total))
 */
export async function writeToDirectory(dir: DirectoryHandle, files: readonly PublishedFile[], version: string, onProgress?: (done: number, total: number) => void): Promise<void> {
  let done = 0;
  for (const file of files) {
    const parts = file.path.split('/');
    let folder = dir;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
    const handle = await folder.getFileHandle(parts[parts.length - 1], { create: true });
    const writable = await handle.createWritable();
    await writable.write(file.bytes as Uint8Array<ArrayBuffer>);
    // close() is what makes the new content visible: a reader meanwhile sees the old file.
    await writable.close();
    onProgress?.(++done, files.length);
  }
  if (files[files.length - 1]?.path !== MANIFEST_PATH) return;
  const versions: string[] = [];
  for await (const name of dir.keys()) if (isVersionName(name) && name !== version) versions.push(name);
  versions.sort();
  for (const old of versions.slice(0, Math.max(0, versions.length - KEEP_VERSIONS))) await dir.removeEntry(old, { recursive: true });
}

/**
 * The publication as one .zip, for browsers without a folder picker.
 * @example download(zipBlob(ordered), '看板发布.zip')
 */
export function zipBlob(files: readonly PublishedFile[]): Blob {
  return new Blob(zipParts(files) as Uint8Array<ArrayBuffer>[], { type: 'application/zip' });
}
