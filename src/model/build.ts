import { evaluateStatic, minimumBytes, producesBase64, staticPieces } from '../static-value.js';
import { type Analysis, type HeaderUse } from './types.js';
import type { Bindings } from '../estree/bindings.js';
import { walk } from '../estree/walk.js';
import { infrastructureOfFile } from '../infra/index.js';
import { projectDefines } from '../build-defines.js';
import { readSettings } from '../settings.js';
import { includesWord, probe } from '../text-search.js';
import { type AnyContext, type FileState, createState } from './state.js';
import { collectAccesses } from './accesses.js';
import { headerEntriesOf, headerUses } from './header-uses.js';
import { heldValues } from './header-names.js';
import { classify } from './classify.js';
import { collect } from './collect.js';
import { callsTaking, objectCalls, objectStyleUses } from './object-calls.js';
import { responseTargets } from './response-targets.js';
import { bufferOrigin, httpStatusNumber } from './value-origins.js';
import { completion } from './completion.js';
import { envUses } from './env-uses.js';
import { loadsEnvFile } from './env-files.js';
import { targetAt } from './targets.js';
import { readComments } from './comments.js';
import { findHandlers } from './handlers.js';
import { isTestFile, startsServer } from './file-roles.js';
import { computeFileEventTypes, eventTypesAt, handlerAt } from './narrowing.js';
import { addResponse, findShapedResponses, objectLiteralOf, resultsOf, traceResults } from './responses.js';
import { bodyBytes, headerBytes } from './response-size.js';
import { originConfigKindOf } from './origins.js';
import { laterHoldsOther, querystringObjectOf } from './querystring.js';
import { builtByCode } from './built-objects.js';
import { handlerHead, usesViewerRequest } from './handler-facts.js';
import { parameterArguments } from './functions.js';
import { headerWriteNames } from './header-write-names.js';

const NO_COMPLETION = { callbackCalls: [], repeatedCalls: [], unfinished: [] };

const RECORDS = probe('Records', 'Recor');
const CLOUDFRONT = probe('CloudFront', 'Front');
const EVENT_COMMENT = probe('lambda-edge-event', '-event');

/**
 * Text that any Lambda@Edge file contains somewhere (`Records`, `CloudFront` or
 * `lambda-edge-event`); files without it are skipped cheaply. Three substring searches, not
 * one regex with three alternatives: the regex stops at every `R`, `C` and `l` of the file,
 * the searches skip ahead (about 35% less time on ordinary code), each through a part of the
 * word that starts with a rare character (src/text-search.ts).
 */
function hasEdgeHint(text: string): boolean {
  return includesWord(text, RECORDS) || includesWord(text, CLOUDFRONT) || includesWord(text, EVENT_COMMENT);
}

export const EMPTY_ANALYSIS: Analysis = {
  isEdge: false,
  handlers: [],
  responses: [],
  accesses: [],
  headerEntries: [],
  problems: [],
  classify: () => undefined,
  eventTypesAt: () => undefined,
  handlerAt: () => undefined,
  staticValue: () => undefined,
  staticPieces: () => [],
  producesBase64: () => false,
  minimumBytes: () => 0,
  objectLiteralOf: () => undefined,
  httpStatusNumber: () => undefined,
  bufferOrigin: () => undefined,
  heldValues: () => [],
  bindings: undefined as unknown as Bindings,
  responseTargets: () => [],
  headerUses: () => [],
  headerWrites: () => [],
  objectCalls: () => [],
  objectStyleUses: () => [],
  forEachNode: () => undefined,
  callsTaking: () => [],
  completion: () => NO_COMPLETION,
  buildDefines: () => new Set(),
  targetAt: () => undefined,
  envUses: () => [],
  loadsEnvFile: () => false,
  headerBytes: () => ({ bytes: 0, partial: true }),
  bodyBytes: () => ({ bytes: 0, partial: true }),
  originConfigKindOf: () => undefined,
  querystringObjectOf: () => undefined,
  laterHoldsOther: () => false,
  builtByCode: () => false,
  parameterArguments: () => undefined,
  handlerHead: handlerHead,
  usesViewerRequest: () => false,
  headerWriteNames: () => undefined,
};

/**
 * The model of one file: the text gate first (a file that names nothing Lambda@Edge, with no
 * infrastructure or settings saying otherwise, costs one regex test), then the phases.
 */
export function analyze(context: AnyContext): Analysis {
  const sourceCode = context.sourceCode;
  const settings = readSettings(context.settings);
  const infra = infrastructureOfFile(context);
  if (!infra && !settings.eventTypes && !hasEdgeHint(sourceCode.text)) return EMPTY_ANALYSIS;
  if (!sourceCode.scopeManager) return EMPTY_ANALYSIS;
  return run(createState(context, settings.eventTypes, infra));
}

/**
 * A phase of the model: it reads what the phases before it found and adds to the file's state.
 * A phase that returns false ends the model there: the file holds no Lambda@Edge code.
 */
export interface Phase {
  readonly name: string;
  readonly run: (m: FileState) => boolean | void;
}

/**
 * The phases, in order (bench/phases.mjs counts what each costs). Classifications made before
 * the responses were known may be stale, so the memos are cleared before the accesses.
 */
export const PHASES: readonly Phase[] = [
  { name: 'collect', run: (m) => collect(m) },
  {
    name: 'comments',
    run: (m) => {
      m.comments = readComments(m);
    },
  },
  { name: 'handlers', run: (m) => findHandlers(m, m.comments) },
  { name: 'edge gate', run: holdsEdgeCode },
  {
    name: 'results',
    run: (m) => {
      for (const handler of m.handlers) handler.results = resultsOf(m, handler);
    },
  },
  {
    name: 'event types',
    run: (m) => {
      m.fileEventTypes = computeFileEventTypes(m, m.comments.fileTypes);
    },
  },
  {
    name: 'responses',
    run: (m) => {
      for (const handler of m.handlers) traceResults(m, handler);
    },
  },
  { name: 'typed responses', run: typedResponses },
  {
    name: 'accesses',
    run: (m) => {
      m.kindMemo.clear();
      m.varMemo.clear();
      collectAccesses(m);
    },
  },
];

/**
 * After the handlers: is there edge code to model? Without a handler, infrastructure that
 * imports the file or an event-type tag, typed objects (CloudFrontHeaders,
 * CloudFrontResultResponse) still count on their own, except in a file whose exported handler
 * is typed for another event source (an API Gateway handler converting to or from CloudFront's
 * shapes runs in a regional Lambda), in a test file, where they are fixtures, and in a file
 * that starts a server.
 */
function holdsEdgeCode(m: FileState): boolean {
  if (m.handlers.length > 0 || m.infra?.importedBy || m.comments.fileTypes !== undefined) return true;
  return (m.typedObjects.length > 0 || m.hasTypedBindings) && !m.exportsOtherSource && !isTestFile(m) && !startsServer(m);
}

/** Typed response literals, and in a helper module imported by handlers, literals shaped like responses. */
function typedResponses(m: FileState): void {
  for (const obj of m.typedObjects) addResponse(m, obj, eventTypesAt(m, obj), true);
  if (m.infra?.importedBy && m.handlers.length === 0) findShapedResponses(m);
}

function run(m: FileState): Analysis {
  for (const phase of PHASES) if (phase.run(m) === false) return finish(m, false);
  return finish(m, true);
}

/** The infrastructure's define names for this file, and the project's bundler configuration's. */
function buildDefinesOf(m: FileState): ReadonlySet<string> {
  const names = new Set(projectDefines(m.context.cwd, m.context.filename));
  for (const name of m.infra?.defines ?? []) names.add(name);
  return names;
}

function finish(m: FileState, isEdge: boolean): Analysis {
  if (!isEdge && m.problems.length === 0) return EMPTY_ANALYSIS;
  const headerEntries = headerEntriesOf(m);
  let writes: HeaderUse[] | undefined;
  let defines: ReadonlySet<string> | undefined;
  let env: ReturnType<Analysis['envUses']> | undefined;
  return {
    isEdge,
    handlers: m.handlers,
    responses: [...m.responses.values()],
    accesses: m.accesses,
    headerEntries,
    problems: m.problems,
    classify: (node) => classify(m, node),
    eventTypesAt: (node) => eventTypesAt(m, node),
    handlerAt: (node) => handlerAt(m, node),
    staticValue: (node) => evaluateStatic(node, m.staticCtx),
    staticPieces: (node) => staticPieces(node, m.staticCtx),
    producesBase64: (node) => producesBase64(node, m.staticCtx),
    minimumBytes: (node) => minimumBytes(node, m.staticCtx),
    objectLiteralOf: (node) => objectLiteralOf(m, node),
    httpStatusNumber: (node) => httpStatusNumber(m, node),
    bufferOrigin: (node) => bufferOrigin(m, node),
    heldValues: (node) => heldValues(m, node),
    bindings: m.bindings,
    responseTargets: () => responseTargets(m),
    headerUses: () => headerUses(m, headerEntries),
    headerWrites: () => (writes ??= headerUses(m, headerEntries).filter((use) => use.op !== 'read')),
    objectCalls: () => objectCalls(m),
    objectStyleUses: (kind) => objectStyleUses(m, kind),
    callsTaking: (kind) => callsTaking(m, kind),
    forEachNode: (root, visit) => walk(root, m.sourceCode.visitorKeys, visit),
    completion: (handler) => completion(m, handler),
    buildDefines: () => (defines ??= buildDefinesOf(m)),
    targetAt: (node) => targetAt(m, node),
    envUses: () => (env ??= envUses(m)),
    loadsEnvFile: () => loadsEnvFile(m),
    headerBytes: (response) => headerBytes(m, response),
    bodyBytes: (value, encodings) => bodyBytes(m, value, encodings),
    originConfigKindOf: (node) => originConfigKindOf(m, node),
    querystringObjectOf: (node) => querystringObjectOf(m, node),
    laterHoldsOther: (node, kind) => laterHoldsOther(m, node, kind),
    builtByCode: (node) => builtByCode(m, node),
    parameterArguments: (node) => parameterArguments(m, node, (value) => objectLiteralOf(m, value)),
    handlerHead,
    usesViewerRequest: (handler) => usesViewerRequest(m, handler),
    headerWriteNames: (write) => headerWriteNames(m, headerEntries, write),
  };
}
