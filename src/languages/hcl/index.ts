/**
 * HCL2 native syntax (Terraform `.tf` files): a synchronous parser with source positions, its
 * syntax tree, helpers to read static values, and the ESLint language the plugin ships.
 */
export type * from './ast.js';
export { visitorKeys, childNodes } from './ast.js';
export { parseHcl, MAX_DEPTH, type HclParseResult, type HclSyntaxError } from './parser.js';
export {
  staticValue,
  staticTemplate,
  objectKey,
  objectEntries,
  findAttribute,
  findBlocks,
  readAttribute,
  type StaticValue,
  type StaticAttribute,
} from './static-value.js';
export { hclLanguage, HclSourceCode, type HclLanguage } from './language.js';
