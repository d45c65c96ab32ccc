// Public API of src/formats: readers and writers of the native JSONL alignment file and the exchange formats.
export * from './jsonl.js';
export * from './csv.js';
export * from './termbase-table.js';
export * from './xml.js';
export * from './tmx.js';
export * from './tbx.js';
export * from './align-index.js';
export * from './alignment-table.js';
export * from './xlsx.js';
