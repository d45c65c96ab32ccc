/**
 * bitext — the library. Plain data types and pure functions only: no file system, no console, no process.
 * The CLI (src/cli) and the terminal app (src/tui) are thin shells over this API; file helpers live in
 * `bitext/io` (src/io) for scripts that want them.
 */
export * from './errors.js';
export * from './version.js';
export * from './model/index.js';
export * from './lang/index.js';
export * from './read/index.js';
export * from './segment/index.js';
export * from './align/index.js';
export * from './formats/index.js';
export * from './terms/index.js';
export * from './check/index.js';
