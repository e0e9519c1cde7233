/** Kept for imports from before the split: the header facts live in src/facts/headers.ts. */
export * from './facts/headers.js';
