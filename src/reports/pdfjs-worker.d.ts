/** pdf.js's worker module ships without types; only its message handler is used (read-pdf.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.js' {
  export const WorkerMessageHandler: unknown;
}
