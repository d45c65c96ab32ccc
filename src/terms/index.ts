// Public API of src/terms (filled by its issue).
export {};
