/**
 * `graphql-ws/use/ws` is a subpath export, which this repository's `moduleResolution: node`
 * does not read; node and Jest load it at run time. Its own declarations, named by their file.
 */
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
