import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { propertyKeyName, unwrap } from '../src/estree/nodes.js';
import { createRule } from '../src/create-rule.js';
import { type EventTypes, ORIGIN_EVENTS, VIEWER_EVENTS, formatEventTypes, onlyIn } from '../src/facts/event-types.js';
import { ORIGIN_GENERATED_RESPONSE_LIMIT, VIEWER_GENERATED_RESPONSE_LIMIT } from '../src/facts/limits.js';
import type { GeneratedResponse } from '../src/model/types.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds = 'tooLarge';
type Options = [{ viewerLimit?: number; originLimit?: number }];

const VIEWER_LIMIT = VIEWER_GENERATED_RESPONSE_LIMIT;
const ORIGIN_LIMIT = ORIGIN_GENERATED_RESPONSE_LIMIT;

/** A size known to be at least `bytes`; `partial` when some part could not be measured. */
interface Size {
  bytes: number;
  partial: boolean;
  file?: string;
}

const fmt = (n: number) => n.toLocaleString('en-US');

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
      const reported = new Set<TSESTree.Node>();

      /** Bytes of a header value or name; unknown parts make the size partial. */
      const textBytes = (node: TSESTree.Node | undefined, size: Size) => {
        const known = node ? analysis.staticValue(node) : undefined;
        if (known && !known.primitive) size.bytes += known.bytes;
        else size.partial = true;
      };

      const headerSize = (response: GeneratedResponse): Size => {
        const size: Size = { bytes: 0, partial: false };
        const headers = response.properties.get('headers');
        if (!headers) return size;
        const value = unwrap(headers.value);
        if (value.type === AST_NODE_TYPES.ConditionalExpression || value.type === AST_NODE_TYPES.LogicalExpression) {
          return { bytes: 0, partial: true };
        }
        if (response.headerMaps.length === 0) return { bytes: 0, partial: true };
        for (const map of response.headerMaps) {
          for (const prop of map.properties) {
            if (prop.type === AST_NODE_TYPES.SpreadElement) {
              const inner = unwrap(prop.argument);
              if (!response.headerMaps.some((m) => m === inner)) size.partial = true;
              continue;
            }
            const name = propertyKeyName(prop);
            const list = unwrap(prop.value);
            if (list.type !== AST_NODE_TYPES.ArrayExpression) {
              size.partial = true;
              continue;
            }
            for (const element of list.elements) {
              const entry = element ? unwrap(element) : undefined;
              if (!entry || entry.type !== AST_NODE_TYPES.ObjectExpression) {
                size.partial = true;
                continue;
              }
              let key: TSESTree.Node | undefined;
              let val: TSESTree.Node | undefined;
              for (const p of entry.properties) {
                if (p.type !== AST_NODE_TYPES.Property) {
                  size.partial = true;
                  continue;
                }
                const k = propertyKeyName(p);
                if (k === 'key') key = p.value;
                else if (k === 'value') val = p.value;
              }
              // Without `key`, CloudFront derives it from the map name (same length).
              if (key) textBytes(key, size);
              else if (name !== undefined) size.bytes += Buffer.byteLength(name, 'utf8');
              else size.partial = true;
              textBytes(val, size);
            }
          }
        }
        return size;
      };

      /** Body bytes as CloudFront counts them: decoded when bodyEncoding may be 'base64'. */
      const bodySize = (value: TSESTree.Node, encodings: TSESTree.Node[]): Size => {
        const v = unwrap(value);
        if (v.type === AST_NODE_TYPES.Identifier && v.name === 'undefined') return { bytes: 0, partial: false };
        const texts = encodings.map((e) => {
          const t = analysis.staticValue(e);
          return t && !t.primitive ? t.text?.toLowerCase() : undefined;
        });
        // 'utf8' and other invalid values are another rule's report; here they mean text.
        const maybeBase64 = texts.some((t) => t === undefined || t === 'base64');
        const surelyBase64 = texts.length > 0 && texts.every((t) => t === 'base64');
        const known = analysis.staticValue(value);
        if (!known || known.primitive) {
          // Only parts are known: count them, as a lower bound (not for base64, which is decoded).
          return { bytes: maybeBase64 ? 0 : analysis.minimumBytes(value), partial: true };
        }
        if (!maybeBase64) return { bytes: known.bytes, partial: false, file: known.file };
        // base64 (or an encoding not known): count the decoded bytes, a lower bound either way.
        const decoded =
          known.text !== undefined ? Buffer.from(known.text, 'base64').length : Math.floor((known.bytes * 3) / 4);
        return { bytes: decoded, partial: !surelyBase64, file: known.file };
      };

      const report = (node: TSESTree.Node, types: EventTypes, body: Size, headers: Size) => {
        const viewer = onlyIn(types, VIEWER_EVENTS);
        const limit = viewer ? viewerLimit : originLimit;
        const total = body.bytes + headers.bytes;
        if (total <= limit || reported.has(node)) return;
        reported.add(node);
        const known = types && types.size > 0;
        context.report({
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
      };

      for (const target of analysis.responseTargets()) {
        if (target.kind !== 'generated' && target.kind !== 'received') continue;
        const given = (field: 'body' | 'bodyEncoding') =>
          target.field(field).filter((setting) => setting.op === 'write' && setting.value !== undefined);
        const encodings = given('bodyEncoding').map((setting) => setting.value!);
        const bodies = given('body');
        const response = target.response;
        if (!response) {
          // A body written onto the received response (origin-response replacing the origin's
          // body). Its other headers are not known here, so the size is a lower bound.
          for (const body of bodies) {
            report(body.reportNode, target.eventTypesOf(body), bodySize(body.value!, encodings), { bytes: 0, partial: true });
          }
          continue;
        }
        const headers = headerSize(response);
        for (const body of bodies) report(body.reportNode, response.eventTypes, bodySize(body.value!, encodings), headers);
        if (bodies.length === 0) report(response.node, response.eventTypes, { bytes: 0, partial: false }, headers);
      }
    });
  },
});
