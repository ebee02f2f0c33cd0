// Language data is bundled as data: text files as strings, gzip files as bytes
// (esbuild loaders in scripts/build.mjs and the CDK function; a plugin in vitest.config.ts).
declare module '*.csv' {
  const text: string;
  export default text;
}
declare module '*.tsv' {
  const text: string;
  export default text;
}
declare module '*.txt' {
  const text: string;
  export default text;
}
declare module '*.gz' {
  const bytes: Uint8Array;
  export default bytes;
}
