// Public API of src/align (filled by its issue).
export {};
