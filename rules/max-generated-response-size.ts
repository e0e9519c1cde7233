import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { type EventTypes, ORIGIN_EVENTS, VIEWER_EVENTS, formatEventTypes, onlyIn } from '../src/facts/event-types.js';
import { ORIGIN_GENERATED_RESPONSE_LIMIT, VIEWER_GENERATED_RESPONSE_LIMIT } from '../src/facts/limits.js';
import type { Analysis, ByteSize, ResponseTarget } from '../src/model/types.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds = 'tooLarge';
type Options = [{ viewerLimit?: number; originLimit?: number }];

const VIEWER_LIMIT = VIEWER_GENERATED_RESPONSE_LIMIT;
const ORIGIN_LIMIT = ORIGIN_GENERATED_RESPONSE_LIMIT;

const NOTHING: ByteSize = { bytes: 0, partial: false };
/** The headers of the response CloudFront passed in are not known here: a lower bound. */
const UNKNOWN_HEADERS: ByteSize = { bytes: 0, partial: true };

const fmt = (n: number) => n.toLocaleString('en-US');

/** Reports a response (at `node`) whose body and headers together are over the limit of its events; once per node. */
interface SizeCheck {
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>;
  viewerLimit: number;
  originLimit: number;
  reported: Set<TSESTree.Node>;
}

function reportIfTooLarge(check: SizeCheck, node: TSESTree.Node, types: EventTypes, body: ByteSize, headers: ByteSize): void {
  const viewer = onlyIn(types, VIEWER_EVENTS);
  const limit = viewer ? check.viewerLimit : check.originLimit;
  const total = body.bytes + headers.bytes;
  if (total <= limit || check.reported.has(node)) return;
  check.reported.add(node);
  const known = types && types.size > 0;
  check.context.report({
    node,
    messageId: 'tooLarge',
    data: {
      subject: known ? `${formatEventTypes(types)} ` : '',
      atLeast: body.partial || headers.partial ? 'at least ' : '',
      size: fmt(total),
      file: body.file ? `; the body is read from ${body.file}` : '',
      limit: fmt(limit),
      scope: viewer
        ? 'in viewer events'
        : known && onlyIn(types, ORIGIN_EVENTS)
          ? 'in origin events'
          : 'in origin events (the most permissive limit, as the event type is not known to be a viewer one)',
      advice: viewer
        ? 'Serve large content from the origin or an origin-request trigger.'
        : 'Serve large content from the origin (for example S3) instead of generating it in the function.',
    },
  });
}

/** The values a target's `body` or `bodyEncoding` is given. */
function given(target: ResponseTarget, field: 'body' | 'bodyEncoding') {
  return target.field(field).filter((setting) => setting.op === 'write' && setting.value !== undefined);
}

/**
 * Each body of a generated response with the response's headers (the response itself when it
 * has no body); a body written onto the received response (origin-response replacing the
 * origin's body) with headers that are not known here.
 */
function checkTarget(check: SizeCheck, analysis: Analysis, target: ResponseTarget): void {
  const encodings = given(target, 'bodyEncoding').map((setting) => setting.value!);
  const bodies = given(target, 'body');
  const response = target.response;
  const headers = response ? analysis.headerBytes(response) : UNKNOWN_HEADERS;
  for (const body of bodies) {
    const types = response ? response.eventTypes : target.eventTypesOf(body);
    reportIfTooLarge(check, body.reportNode, types, analysis.bodyBytes(body.value!, encodings), headers);
  }
  if (response && bodies.length === 0) reportIfTooLarge(check, response.node, response.eventTypes, NOTHING, headers);
}

export default createRule<Options, MessageIds>({
  name: 'max-generated-response-size',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Lambda@Edge generated responses larger than CloudFront accepts',
      recommended: 'recommended',
    },
    defaultOptions: [{ viewerLimit: VIEWER_LIMIT, originLimit: ORIGIN_LIMIT }],
    schema: [
      {
        type: 'object',
        properties: {
          viewerLimit: {
            type: 'integer',
            minimum: 0,
            description:
              'Largest generated response (body and headers, in bytes) in viewer-request and viewer-response. Default 40960 (40 KB), the CloudFront quota.',
          },
          originLimit: {
            type: 'integer',
            minimum: 0,
            description:
              'Largest generated response (body and headers, in bytes) in origin-request and origin-response, and when the event is unknown. Default 1048576 (1 MB), the CloudFront quota.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      tooLarge:
        'This {{ subject }}response is {{ atLeast }}{{ size }} bytes (body and headers{{ file }}); CloudFront rejects generated responses over {{ limit }} bytes {{ scope }} with a 502. {{ advice }}',
    },
  },
  defaultOptions: [{ viewerLimit: VIEWER_LIMIT, originLimit: ORIGIN_LIMIT }],
  create(context, [options]) {
    const viewerLimit = options.viewerLimit ?? VIEWER_LIMIT;
    const originLimit = options.originLimit ?? ORIGIN_LIMIT;
    return onAnalysis(context, (analysis) => {
      const check: SizeCheck = { context, viewerLimit, originLimit, reported: new Set() };
      for (const target of analysis.responseTargets()) {
        if (target.kind === 'generated' || target.kind === 'received') checkTarget(check, analysis, target);
      }
    });
  },
});
