/** Kept for imports from before the split: the helpers live in src/estree/ and src/facts/. */
export * from './estree/nodes.js';
export { canonicalHeaderName } from './facts/headers.js';
export { STRING_MEMBERS } from './facts/strings.js';
export { stringLiteral as stringLiteralSource } from './estree/fixes.js';
