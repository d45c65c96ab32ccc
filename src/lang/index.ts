// Public API of src/lang: language knowledge as data and small helpers.
export * from './tags.js';
