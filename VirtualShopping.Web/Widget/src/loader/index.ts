// Placeholder: the loader is being written (issue 9).
export {};
