// Public API of src/formats (filled by its issue).
export {};
