import { isIP } from 'node:net';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Bindings } from '../src/estree/bindings.js';
import { findProperty, memberName, propertyKeyName, unwrap, valueLeaves } from '../src/estree/nodes.js';
import { trimSlashes } from '../src/estree/text.js';
import { createRule } from '../src/create-rule.js';
import { ORIGIN_REQUEST, VIEWER_EVENTS, formatEventTypes, onlyIn } from '../src/facts/event-types.js';
import type { Analysis } from '../src/model/types.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds =
  | 'bothOriginKinds'
  | 'noOriginKind'
  | 'domainNameEmpty'
  | 'domainNameNotHost'
  | 'domainNameColon'
  | 'domainNameIp'
  | 'domainNameTooLong'
  | 's3DomainNameUppercase'
  | 'pathInvalid'
  | 'portInvalid'
  | 'protocolInvalid'
  | 'timeoutInvalid'
  | 'sslProtocolInvalid'
  | 'authMethodInvalid'
  | 'originOutsideOriginRequest';

/** `custom`, `s3`, or not known (a field written through a variable we cannot follow). */
type OriginKind = 'custom' | 's3' | undefined;

const SSL_PROTOCOLS = ['TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3'];
const TIMEOUTS: Record<string, number> = { readTimeout: 4, keepaliveTimeout: 1 };
const REJECTED = 'CloudFront rejects the origin (Lambda validation error, 502)';

/** Which origin config `request.origin.custom`, `origin.s3` or a `const` alias of one is. */
function originKindOf(raw: TSESTree.Node, bindings: Bindings): OriginKind {
  const node = unwrap(raw);
  let name: string | undefined;
  if (node.type === AST_NODE_TYPES.MemberExpression) name = memberName(node);
  else if (node.type === AST_NODE_TYPES.Identifier) {
    const def = bindings.singleDefinition(node);
    if (def && (def.declarator.parent as TSESTree.VariableDeclaration).kind === 'const') {
      const init = unwrap(def.init);
      if (def.whole && init.type === AST_NODE_TYPES.MemberExpression) name = memberName(init);
      else if (def.name.parent?.type === AST_NODE_TYPES.Property && def.name.parent.value === def.name) {
        // `const { custom } = request.origin`
        name = propertyKeyName(def.name.parent);
      }
    }
  }
  return name === 'custom' || name === 's3' ? name : undefined;
}

/** The properties of a literal that decide the value at run time: no later spread, no later duplicate. */
function finalProperties(literal: TSESTree.ObjectExpression): TSESTree.Property[] {
  const lastSpread = literal.properties.findLastIndex((p) => p.type === AST_NODE_TYPES.SpreadElement);
  return literal.properties
    .slice(lastSpread + 1)
    .filter((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && findProperty(literal, propertyKeyName(p) ?? '') === p);
}

/** The host part of `https://api.example.com:8443/v1`, when it is a DNS name. */
function hostOf(text: string): string | undefined {
  try {
    const host = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname;
    return host && !isIP(host.replace(/^\[|\]$/g, '')) ? host : undefined;
  } catch {
    return undefined;
  }
}

/** `'TLSv1.3'` → undefined, `'tls1.2'` → `'TLSv1.2'`. */
function sslProtocolLike(text: string): string | undefined {
  const key = text.toLowerCase().replace(/[\s_-]/g, '').replace(/^tls(?=\d)/, 'tlsv').replace(/^ssl(?=\d)/, 'sslv');
  return SSL_PROTOCOLS.find((p) => p.toLowerCase() === key || `${p.toLowerCase()}.0` === key);
}

const quote = (text: string) => `'${text}'`;

export default createRule<[], MessageIds>({
  name: 'valid-origin',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an origin set in an origin-request trigger (`request.origin`) to have values CloudFront accepts',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      bothOriginKinds: `\`request.origin\` has both \`custom\` and \`s3\`: it must hold exactly one of them, so ${REJECTED}. Keep \`custom\` for a web server or \`s3\` for a bucket, not both.`,
      noOriginKind: `\`request.origin\` has neither \`custom\` nor \`s3\`: it must hold exactly one of them, so ${REJECTED}. Put the fields under \`custom: { ... }\` for a web server or \`s3: { ... }\` for a bucket.`,
      domainNameEmpty: `\`domainName\` is empty: an origin needs a domain name, so ${REJECTED}. Write the origin's host name, for example {{ example }}.`,
      domainNameNotHost: `\`domainName\` {{ value }} is not a bare host name: a custom origin's \`domainName\` may not contain \`:\` (no scheme, no port), so ${REJECTED}. Use the host name only: '{{ host }}', and set the scheme with \`protocol\`, the port with \`port\` and any path with \`path\`.`,
      domainNameColon: `\`domainName\` {{ value }} contains \`:\`: a custom origin's \`domainName\` is a DNS name without scheme or port, so ${REJECTED}. Use the host name only, and set the scheme with \`protocol\` and the port with \`port\`.`,
      domainNameIp: `\`domainName\` {{ value }} is an IP address: a custom origin's \`domainName\` must be a DNS name, so ${REJECTED}. Point a DNS name at the server (for example 'origin.example.com') and use that name.`,
      domainNameTooLong: `\`domainName\` is {{ length }} characters long: {{ kind }} origin's domain name may have at most {{ max }}, so ${REJECTED}. Use a shorter name.`,
      s3DomainNameUppercase: `S3 \`domainName\` {{ value }} has uppercase letters: an S3 origin's domain name (the bucket's DNS name) must be all lowercase, so ${REJECTED}. Write {{ lower }}.`,
      pathInvalid: `\`path\` {{ value }} {{ problem }}: an origin path must start with \`/\` and must not end with \`/\`, so ${REJECTED}. Write {{ fixed }} ('' means no origin path).`,
      portInvalid: `Port {{ value }} is not allowed: a custom origin's \`port\` must be 80, 443 or from 1024 to 65535, so ${REJECTED}. Serve the origin on one of those ports and write it here.`,
      protocolInvalid: `\`protocol\` {{ value }} is not 'http' or 'https': ${REJECTED}. Write {{ fixed }}.`,
      timeoutInvalid: `\`{{ name }}\` {{ value }} is outside {{ min }}–60 seconds, the range Lambda@Edge documents for it, so ${REJECTED}. Use a number of seconds from {{ min }} to 60 that your origin and your CloudFront quota allow.`,
      sslProtocolInvalid: `{{ value }} is not a protocol \`sslProtocols\` accepts ('TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3'), so ${REJECTED}. Write {{ fixed }}.`,
      authMethodInvalid: `\`authMethod\` {{ value }} is not 'origin-access-identity' or 'none' (origin access control cannot be set here), so ${REJECTED}. Write 'origin-access-identity' (with \`region\`) or 'none'.`,
      originOutsideOriginRequest:
        '`request.origin` exists only in origin-request and origin-response events, so this {{ event }} code cannot choose the origin: CloudFront does not pass an origin here. Change the origin in an origin-request trigger.',
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis: Analysis) => {
      const checked = new Set<TSESTree.Node>();
      const report = (node: TSESTree.Node, messageId: MessageIds, data: Record<string, string | number> = {}) =>
        context.report({ node, messageId, data });

      /** The statically known leaves of a value: `secure ? 443 : 8080` gives both numbers. */
      const knownLeaves = (value: TSESTree.Node) =>
        valueLeaves(value).flatMap((leaf) => {
          const known = analysis.staticValue(leaf);
          return known?.text === undefined ? [] : [{ leaf, text: known.text, isNumber: known.primitive === 'number', isString: !known.primitive }];
        });

      const checkDomainName = (value: TSESTree.Node, kind: OriginKind) => {
        for (const { leaf, text, isString } of knownLeaves(value)) {
          if (!isString) continue;
          const shown = quote(text);
          if (text === '') {
            report(leaf, 'domainNameEmpty', { example: kind === 's3' ? "'my-bucket.s3.amazonaws.com'" : "'api.example.com'" });
          } else if (kind === 'custom') {
            if (isIP(text.replace(/^\[|\]$/g, ''))) report(leaf, 'domainNameIp', { value: shown });
            else if (text.includes(':')) {
              const host = hostOf(text);
              if (host) report(leaf, 'domainNameNotHost', { value: shown, host });
              else report(leaf, 'domainNameColon', { value: shown });
            } else if (text.length > 253) report(leaf, 'domainNameTooLong', { length: text.length, kind: 'a custom', max: 253 });
          } else if (kind === 's3') {
            if (text.length > 128) report(leaf, 'domainNameTooLong', { length: text.length, kind: 'an S3', max: 128 });
            else if (/[A-Z]/.test(text)) report(leaf, 's3DomainNameUppercase', { value: shown, lower: quote(text.toLowerCase()) });
          }
        }
      };

      const checkPath = (value: TSESTree.Node) => {
        for (const { leaf, text, isString } of knownLeaves(value)) {
          if (!isString || text === '') continue;
          const noLeading = !text.startsWith('/');
          const trailing = text.endsWith('/');
          if (!noLeading && !trailing) continue;
          const trimmed = trimSlashes(text);
          report(leaf, 'pathInvalid', {
            value: quote(text),
            problem: noLeading && trailing ? 'does not start with `/` and ends with `/`' : noLeading ? 'does not start with `/`' : 'ends with `/`',
            fixed: quote(trimmed && `/${trimmed}`),
          });
        }
      };

      const checkNumber = (value: TSESTree.Node, valid: (n: number) => boolean, onInvalid: (leaf: TSESTree.Node, text: string) => void) => {
        for (const { leaf, text, isNumber } of knownLeaves(value)) {
          if (isNumber && !valid(Number(text))) onInvalid(leaf, text);
        }
      };

      const checkField = (name: string | undefined, value: TSESTree.Node, kind: OriginKind) => {
        if (checked.has(value)) return;
        checked.add(value);
        const custom = kind !== 's3';
        if (name === 'domainName') checkDomainName(value, kind);
        else if (name === 'path') checkPath(value);
        else if (name === 'port' && custom) {
          const valid = (n: number) => n === 80 || n === 443 || (Number.isInteger(n) && n >= 1024 && n <= 65535);
          checkNumber(value, valid, (leaf, text) => report(leaf, 'portInvalid', { value: text }));
        } else if (name === 'protocol' && custom) {
          for (const { leaf, text, isString } of knownLeaves(value)) {
            if (!isString || text === 'http' || text === 'https') continue;
            const like = text.toLowerCase().replace(/:(\/\/)?$/, '').trim();
            report(leaf, 'protocolInvalid', { value: quote(text), fixed: like === 'http' || like === 'https' ? quote(like) : "'http' or 'https'" });
          }
        } else if (name !== undefined && name in TIMEOUTS && custom) {
          const min = TIMEOUTS[name]!;
          checkNumber(value, (n) => n >= min && n <= 60, (leaf, text) => report(leaf, 'timeoutInvalid', { name, value: text, min }));
        } else if (name === 'sslProtocols' && custom) {
          const list = unwrap(value);
          if (list.type !== AST_NODE_TYPES.ArrayExpression) return;
          for (const element of list.elements) {
            if (!element || element.type === AST_NODE_TYPES.SpreadElement) continue;
            for (const { leaf, text, isString } of knownLeaves(element)) {
              if (!isString || SSL_PROTOCOLS.includes(text)) continue;
              const like = sslProtocolLike(text);
              report(leaf, 'sslProtocolInvalid', { value: quote(text), fixed: like ? quote(like) : "'TLSv1.2'" });
            }
          }
        } else if (name === 'authMethod' && kind !== 'custom') {
          for (const { leaf, text, isString } of knownLeaves(value)) {
            if (isString && text !== 'origin-access-identity' && text !== 'none') report(leaf, 'authMethodInvalid', { value: quote(text) });
          }
        }
      };

      const checkConfig = (value: TSESTree.Node, kind: OriginKind) => {
        const literal = analysis.objectLiteralOf(value);
        if (!literal || checked.has(literal)) return;
        checked.add(literal);
        for (const prop of finalProperties(literal)) checkField(propertyKeyName(prop), prop.value, kind);
      };

      const checkOrigin = (value: TSESTree.Node) => {
        const literal = analysis.objectLiteralOf(value);
        if (!literal || checked.has(literal)) return;
        checked.add(literal);
        const custom = findProperty(literal, 'custom');
        const s3 = findProperty(literal, 's3');
        const spread = literal.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement);
        if (!spread && custom && s3) report(s3.key, 'bothOriginKinds');
        else if (!spread && !custom && !s3) report(literal, 'noOriginKind');
        if (custom) checkConfig(custom.value, 'custom');
        if (s3) checkConfig(s3.value, 's3');
      };

      for (const access of analysis.accesses) {
        if (access.op !== 'write' || !access.value) continue;
        const origin = access.objectKind === 'request' && access.name === 'origin';
        const config = access.objectKind === 'origin' && (access.name === 'custom' || access.name === 's3');
        const field = access.objectKind === 'origin-config';
        if (!origin && !config && !field) continue;
        const types = analysis.eventTypesAt(access.node);
        if (onlyIn(types, VIEWER_EVENTS)) {
          report(access.node, 'originOutsideOriginRequest', { event: formatEventTypes(types) });
          continue;
        }
        // `request.origin` exists only in origin events, so a handler the analysis took to be a
        // request trigger from its code alone (it returns the request) is an origin-request one.
        const inferred = analysis.handlerAt(access.node)?.eventTypeSource === 'code';
        if (types && !onlyIn(types, ORIGIN_REQUEST) && !(inferred && types.has('origin-request'))) continue;
        if (origin) checkOrigin(access.value);
        else if (config) checkConfig(access.value, access.name as 'custom' | 's3');
        else if (access.node.type === AST_NODE_TYPES.MemberExpression) {
          checkField(access.name, access.value, originKindOf(access.node.object, analysis.bindings));
        }
      }
    });
  },
});
