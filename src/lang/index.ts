// Public API of src/lang (filled by its issue).
export {};
