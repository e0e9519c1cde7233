import type { LambdaEdgePlugin } from '../dist/src/index.js' with { 'resolution-mode': 'import' };

declare const plugin: LambdaEdgePlugin;
export = plugin;
