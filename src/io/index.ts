// File-system helpers for scripts and the CLI (not part of the pure core).
export * from './files.js';
export * from './formats.js';
export * from './glossary.js';
export * from './terms-parallel.js';
