/** The bundled chart code of self-contained files, provided by the plugin in vite.config.ts. */
declare module 'virtual:standalone-script' {
  const script: string;
  export default script;
}
