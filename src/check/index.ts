// Public API of src/check (filled by its issue).
export {};
