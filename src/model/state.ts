import * as path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Bindings } from '../estree/bindings.js';
import type { FunctionNode } from '../estree/nodes.js';
import type { EventTypes } from '../facts/event-types.js';
import type { lookupFile } from '../infra/index.js';
import type { StaticContext } from '../static-value.js';
import type { HeaderOwner, Kind } from './kinds.js';
import type { ConfigProblem, GeneratedResponse, Handler, HeaderUse, MemberAccess, ObjectCall, ResponseTarget } from './types.js';
import type { EventComments } from './comments.js';

/** Before phase 2a has read them: no tags. */
const NO_COMMENTS: EventComments = { fileTypes: undefined, attached: new Map() };

type Variable = TSESLint.Scope.Variable;
export type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
export type CallSite = { call: TSESTree.CallExpression; fn: FunctionNode };

/**
 * What the build phases of one file share. Internal to src/model/: rules read the `Analysis`
 * of types.ts. Each field says which phase fills it.
 */
export interface FileState {
  readonly context: AnyContext;
  readonly sourceCode: AnyContext['sourceCode'];
  readonly settingsTypes: EventTypes;
  readonly infra: ReturnType<typeof lookupFile>;
  readonly bindings: Bindings;
  readonly staticCtx: StaticContext;
  // collect: the node kinds the model looks at, in one walk
  readonly awsTypes: Map<string, string>;
  readonly awsNamespaces: Set<string>;
  readonly members: TSESTree.MemberExpression[];
  readonly functions: FunctionNode[];
  readonly patterns: Array<{ pattern: TSESTree.ObjectPattern; source: TSESTree.Node }>;
  readonly inChecks: TSESTree.BinaryExpression[];
  readonly forIns: TSESTree.ForInStatement[];
  /** Every call and `new` expression. */
  readonly calls: Array<TSESTree.CallExpression | TSESTree.NewExpression>;
  /** Arguments of every `return` in the file, in source order. */
  readonly returns: TSESTree.Node[];
  readonly typedObjects: TSESTree.ObjectExpression[];
  hasTypedBindings: boolean;
  /** An exported function is typed as another event source's handler (aws-types.ts servesOtherSource). */
  exportsOtherSource: boolean;
  /** Exported functions the infrastructure deploys as functions that are not Lambda@Edge (`infra.otherExports`). */
  readonly regionalFunctions: Set<FunctionNode>;
  /** The file's `@lambda-edge-event` tags (phase 2a). */
  comments: EventComments;
  // handlers
  readonly handlersByNode: Map<FunctionNode, Handler>;
  readonly handlers: Handler[];
  readonly problems: ConfigProblem[];
  // event types
  fileEventTypes: EventTypes;
  // responses and header maps
  readonly responses: Map<TSESTree.ObjectExpression, GeneratedResponse>;
  readonly responseVars: Map<Variable, GeneratedResponse>;
  readonly headerMapVars: Map<Variable, HeaderOwner>;
  readonly headerMaps: Map<TSESTree.ObjectExpression, HeaderOwner>;
  // accesses
  readonly accesses: MemberAccess[];
  // memos (classification is cleared when responses change what a node is)
  readonly kindMemo: Map<TSESTree.Node, Kind | null>;
  readonly varMemo: Map<Variable, Kind | null>;
  readonly callSitesMemo: Map<FunctionNode, CallSite[]>;
  returnsByFunction: Map<FunctionNode, TSESTree.Node[]> | undefined;
  objectCalls: ObjectCall[] | undefined;
  responseTargets: ResponseTarget[] | undefined;
  headerUses: HeaderUse[] | undefined;
}

/**
 * What static evaluation needs of the file. A class, so every file's context has the same
 * hidden class: the object literal it replaces turned its `dirname` getter into a data property
 * on first use, which gave each file's object a hidden class of its own, and the optimised
 * code that reads it met a new one per file.
 */
class FileStaticContext implements StaticContext {
  readonly root: string;
  #dirname: string | undefined;
  readonly #context: AnyContext;
  readonly #bindings: Bindings;

  constructor(context: AnyContext, bindings: Bindings) {
    this.root = context.cwd;
    this.#context = context;
    this.#bindings = bindings;
  }

  /** Only `__dirname` and path arguments read it: resolved on first use, not per file. */
  get dirname(): string {
    return (this.#dirname ??= path.dirname(path.resolve(this.#context.cwd, this.#context.filename)));
  }

  resolveConst(id: TSESTree.Identifier): TSESTree.Node | undefined | null {
    return this.#bindings.resolveConst(id);
  }

  importOf(id: TSESTree.Identifier): { source: string; imported: string } | undefined {
    return this.#bindings.importOf(id);
  }
}

export function createState(context: AnyContext, settingsTypes: EventTypes, infra: ReturnType<typeof lookupFile>): FileState {
  const bindings = new Bindings(context.sourceCode);
  return {
    context,
    sourceCode: context.sourceCode,
    settingsTypes,
    infra,
    bindings,
    staticCtx: new FileStaticContext(context, bindings),
    awsTypes: new Map(),
    awsNamespaces: new Set(['AWSLambda']),
    members: [],
    functions: [],
    patterns: [],
    inChecks: [],
    forIns: [],
    calls: [],
    returns: [],
    typedObjects: [],
    hasTypedBindings: false,
    exportsOtherSource: false,
    regionalFunctions: new Set(),
    comments: NO_COMMENTS,
    handlersByNode: new Map(),
    handlers: [],
    problems: [],
    fileEventTypes: undefined,
    responses: new Map(),
    responseVars: new Map(),
    headerMapVars: new Map(),
    headerMaps: new Map(),
    accesses: [],
    kindMemo: new Map(),
    varMemo: new Map(),
    callSitesMemo: new Map(),
    returnsByFunction: undefined,
    objectCalls: undefined,
    responseTargets: undefined,
    headerUses: undefined,
  };
}
