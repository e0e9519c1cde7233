/** Kept for imports from before the split: the event-type facts live in src/facts/event-types.ts. */
export * from './facts/event-types.js';
