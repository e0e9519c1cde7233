/** Kept for imports from before the split: the edge model lives in src/model/ (start at types.ts). */
export * from './model/index.js';
