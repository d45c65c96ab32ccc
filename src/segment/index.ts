// Public API of src/segment (filled by its issue).
export {};
