/**
 * The published folder's layout. Data goes into a new version folder beside the old ones; the
 * app's files (hashed, so two builds sit side by side) and the server notes at the top; and the
 * top-level `manifest.json`, which names the version's files, is written last: that one write
 * switches every viewer to the new version (atomic for them: until it lands they read the old
 * version's files, which stay).
 */
import type { ParquetManifest } from '../remote/manifest';
import type { PublishedFile } from './partition';
import { PUBLISHED_META } from './viewer';

export const MANIFEST_PATH = 'manifest.json';
/** Versions kept beside the current one, for viewers whose page opened on an earlier one. */
export const KEEP_VERSIONS = 1;

/**
 * A version folder's name from the publishing time, to the millisecond (sorts by time).
 * @example versionName('2026-01-02T03:04:05.678Z') // 'v20260102T030405678Z'
 */
export function versionName(publishedAt: string): string {
  return `v${publishedAt.replace(/[-:.]/g, '')}`;
}

/** Whether a folder name is a version's. @example isVersionName('v20260102T030405678Z') // true */
export function isVersionName(name: string): boolean {
  return /^v\d{8}T\d{9}Z$/.test(name);
}

/**
 * The app's index.html as a published folder's: the same page (and Content-Security-Policy),
 * with the meta tag that makes it open the folder's manifest, read-only.
 * @example publishedIndexHtml('<head><title>x</title>') // '<head>\n<meta name="dashboard-published" …'
 */
export function publishedIndexHtml(indexHtml: string): string {
  const meta = `<meta name="${PUBLISHED_META}" content="${MANIFEST_PATH}" />`;
  const without = indexHtml.replace(new RegExp(`<meta name="${PUBLISHED_META}"[^>]*>\\s*`, 'g'), '');
  return without.replace(/<head>/i, `<head>\n    ${meta}`);
}

/** What the folder's server needs, in both languages, written beside index.html. */
export const SERVER_NOTES = `发布的看板：服务器要求 / Published dashboard: what the server needs

1. 任何静态文件服务器即可（nginx、IIS、Apache），无需数据库或后端程序。
   Any static file server (nginx, IIS, Apache); no database or server code.
2. 需支持 HTTP 范围请求（Range，nginx 与 IIS 默认支持）：页面只读取视图所需的部分数据。
   HTTP range requests (on by default in nginx and IIS): a view reads only the bytes it needs.
3. manifest.json 不应被长期缓存（建议 Cache-Control: no-cache），以便查看者看到新版本。
   manifest.json should be revalidated (Cache-Control: no-cache) so viewers see new versions.
4. .parquet 文件可用 application/octet-stream 类型；IIS 需添加 MIME 类型 .parquet 与 .json。
   .parquet may be served as application/octet-stream; IIS needs MIME types for .parquet and .json.
5. 双击 index.html（file://）无法打开：浏览器禁止从本地文件加载模块脚本与数据。请通过网址访问。
   Opening index.html by a double click (file://) does not work: browsers refuse module scripts
   and data requests from files. Open it through the server's address.
6. 重新发布时先写入新版本文件夹，最后替换 manifest.json；旧版本保留一个，可手动删除更早的 v* 文件夹。
   Publishing again writes a new version folder, then replaces manifest.json; one older version
   is kept for open pages; older v* folders may be deleted.
`;

/**
 * Every file of a publication in the order it must be written: data and the version's own copy
 * of the manifest, then the app, then the top-level manifest last.
 * @example const order = orderFiles(app, files, manifest, 'v2026…'); order[order.length - 1].path // 'manifest.json'
 */
export function orderFiles(app: readonly PublishedFile[], data: readonly PublishedFile[], manifest: ParquetManifest, version: string): PublishedFile[] {
  const json = new TextEncoder().encode(JSON.stringify(manifest));
  const notes = new TextEncoder().encode(SERVER_NOTES);
  const appFiles = app.map((f) => (f.path === 'index.html' ? { path: f.path, bytes: new TextEncoder().encode(publishedIndexHtml(new TextDecoder().decode(f.bytes))) } : f));
  // index.html last among the app's files: its scripts must be there before a page loads it.
  appFiles.sort((a, b) => Number(a.path === 'index.html') - Number(b.path === 'index.html'));
  return [...data, { path: `${version}/${MANIFEST_PATH}`, bytes: json }, ...appFiles, { path: '服务器说明.txt', bytes: notes }, { path: MANIFEST_PATH, bytes: json }];
}
