import { isIP } from 'node:net';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, propertyKeyName, unwrap, valueLeaves } from '../src/estree/nodes.js';
import { trimSlashes } from '../src/estree/text.js';
import { createRule } from '../src/create-rule.js';
import { ORIGIN_REQUEST, VIEWER_EVENTS, formatEventTypes, onlyIn } from '../src/facts/event-types.js';
import type { Analysis, MemberAccess, OriginConfigKind } from '../src/model/types.js';
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
type OriginKind = OriginConfigKind | undefined;

const SSL_PROTOCOLS = ['TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3'];
const TIMEOUTS: Record<string, number> = { readTimeout: 4, keepaliveTimeout: 1 };
const REJECTED = 'CloudFront rejects the origin (Lambda validation error, 502)';

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

/** What one run of the rule shares: the model, the report, and the values already checked (a literal can be reached twice). */
interface OriginCheck {
  analysis: Analysis;
  context: Readonly<TSESLint.RuleContext<MessageIds, []>>;
  checked: Set<TSESTree.Node>;
}

function report(c: OriginCheck, node: TSESTree.Node, messageId: MessageIds, data: Record<string, string | number> = {}): void {
  c.context.report({ node, messageId, data });
}

/** The statically known leaves of a value: `secure ? 443 : 8080` gives both numbers. */
function knownLeaves(c: OriginCheck, value: TSESTree.Node) {
  return valueLeaves(value).flatMap((leaf) => {
    const known = c.analysis.staticValue(leaf);
    return known?.text === undefined ? [] : [{ leaf, text: known.text, isNumber: known.primitive === 'number', isString: !known.primitive }];
  });
}

/** A custom origin's `domainName`: a DNS name, no `:`, at most 253 characters. */
function checkCustomDomainName(c: OriginCheck, leaf: TSESTree.Node, text: string): void {
  const shown = quote(text);
  if (isIP(text.replace(/^\[|\]$/g, ''))) report(c, leaf, 'domainNameIp', { value: shown });
  else if (text.includes(':')) {
    const host = hostOf(text);
    if (host) report(c, leaf, 'domainNameNotHost', { value: shown, host });
    else report(c, leaf, 'domainNameColon', { value: shown });
  } else if (text.length > 253) report(c, leaf, 'domainNameTooLong', { length: text.length, kind: 'a custom', max: 253 });
}

function checkDomainName(c: OriginCheck, value: TSESTree.Node, kind: OriginKind): void {
  for (const { leaf, text, isString } of knownLeaves(c, value)) {
    if (!isString) continue;
    if (text === '') {
      report(c, leaf, 'domainNameEmpty', { example: kind === 's3' ? "'my-bucket.s3.amazonaws.com'" : "'api.example.com'" });
    } else if (kind === 'custom') {
      checkCustomDomainName(c, leaf, text);
    } else if (kind === 's3') {
      if (text.length > 128) report(c, leaf, 'domainNameTooLong', { length: text.length, kind: 'an S3', max: 128 });
      else if (/[A-Z]/.test(text)) report(c, leaf, 's3DomainNameUppercase', { value: quote(text), lower: quote(text.toLowerCase()) });
    }
  }
}

function checkPath(c: OriginCheck, value: TSESTree.Node): void {
  for (const { leaf, text, isString } of knownLeaves(c, value)) {
    if (!isString || text === '') continue;
    const noLeading = !text.startsWith('/');
    const trailing = text.endsWith('/');
    if (!noLeading && !trailing) continue;
    const trimmed = trimSlashes(text);
    report(c, leaf, 'pathInvalid', {
      value: quote(text),
      problem: noLeading && trailing ? 'does not start with `/` and ends with `/`' : noLeading ? 'does not start with `/`' : 'ends with `/`',
      fixed: quote(trimmed && `/${trimmed}`),
    });
  }
}

function checkNumber(c: OriginCheck, value: TSESTree.Node, valid: (n: number) => boolean, onInvalid: (leaf: TSESTree.Node, text: string) => void): void {
  for (const { leaf, text, isNumber } of knownLeaves(c, value)) {
    if (isNumber && !valid(Number(text))) onInvalid(leaf, text);
  }
}

const validPort = (n: number) => n === 80 || n === 443 || (Number.isInteger(n) && n >= 1024 && n <= 65535);

function checkProtocol(c: OriginCheck, value: TSESTree.Node): void {
  for (const { leaf, text, isString } of knownLeaves(c, value)) {
    if (!isString || text === 'http' || text === 'https') continue;
    const like = text.toLowerCase().replace(/:(\/\/)?$/, '').trim();
    report(c, leaf, 'protocolInvalid', { value: quote(text), fixed: like === 'http' || like === 'https' ? quote(like) : "'http' or 'https'" });
  }
}

function checkSslProtocols(c: OriginCheck, value: TSESTree.Node): void {
  const list = unwrap(value);
  if (list.type !== AST_NODE_TYPES.ArrayExpression) return;
  for (const element of list.elements) {
    if (!element || element.type === AST_NODE_TYPES.SpreadElement) continue;
    for (const { leaf, text, isString } of knownLeaves(c, element)) {
      if (!isString || SSL_PROTOCOLS.includes(text)) continue;
      const like = sslProtocolLike(text);
      report(c, leaf, 'sslProtocolInvalid', { value: quote(text), fixed: like ? quote(like) : "'TLSv1.2'" });
    }
  }
}

function checkAuthMethod(c: OriginCheck, value: TSESTree.Node): void {
  for (const { leaf, text, isString } of knownLeaves(c, value)) {
    if (isString && text !== 'origin-access-identity' && text !== 'none') report(c, leaf, 'authMethodInvalid', { value: quote(text) });
  }
}

/** One field of an origin config; a field whose config is not known is checked as either. */
function checkField(c: OriginCheck, name: string | undefined, value: TSESTree.Node, kind: OriginKind): void {
  if (c.checked.has(value)) return;
  c.checked.add(value);
  const custom = kind !== 's3';
  if (name === 'domainName') checkDomainName(c, value, kind);
  else if (name === 'path') checkPath(c, value);
  else if (name === 'port' && custom) checkNumber(c, value, validPort, (leaf, text) => report(c, leaf, 'portInvalid', { value: text }));
  else if (name === 'protocol' && custom) checkProtocol(c, value);
  else if (name !== undefined && name in TIMEOUTS && custom) {
    const min = TIMEOUTS[name]!;
    checkNumber(c, value, (n) => n >= min && n <= 60, (leaf, text) => report(c, leaf, 'timeoutInvalid', { name, value: text, min }));
  } else if (name === 'sslProtocols' && custom) checkSslProtocols(c, value);
  else if (name === 'authMethod' && kind !== 'custom') checkAuthMethod(c, value);
}

/** `custom: { ... }` or `s3: { ... }`: each field that decides the value. */
function checkConfig(c: OriginCheck, value: TSESTree.Node, kind: OriginKind): void {
  const literal = c.analysis.objectLiteralOf(value);
  if (!literal || c.checked.has(literal)) return;
  c.checked.add(literal);
  for (const prop of finalProperties(literal)) checkField(c, propertyKeyName(prop), prop.value, kind);
}

/** `request.origin = { ... }`: exactly one of `custom` and `s3` (unless a spread may bring one), then each. */
function checkOrigin(c: OriginCheck, value: TSESTree.Node): void {
  const literal = c.analysis.objectLiteralOf(value);
  if (!literal || c.checked.has(literal)) return;
  c.checked.add(literal);
  const custom = findProperty(literal, 'custom');
  const s3 = findProperty(literal, 's3');
  const spread = literal.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement);
  if (!spread && custom && s3) report(c, s3.key, 'bothOriginKinds');
  else if (!spread && !custom && !s3) report(c, literal, 'noOriginKind');
  if (custom) checkConfig(c, custom.value, 'custom');
  if (s3) checkConfig(c, s3.value, 's3');
}

/** What a write sets: the whole origin, one config of it, or a field of a config. */
function originWriteOf(access: MemberAccess): 'origin' | 'config' | 'field' | undefined {
  if (access.op !== 'write' || !access.value) return undefined;
  if (access.objectKind === 'request' && access.name === 'origin') return 'origin';
  if (access.objectKind === 'origin' && (access.name === 'custom' || access.name === 's3')) return 'config';
  return access.objectKind === 'origin-config' ? 'field' : undefined;
}

/**
 * Does the write run in origin-request? `request.origin` exists only in origin events, so a
 * handler the model took to be a request trigger from its code alone (it returns the request)
 * is an origin-request one. Unknown event types count.
 */
function inOriginRequest(analysis: Analysis, access: MemberAccess): boolean {
  const types = analysis.eventTypesAt(access.node);
  const inferred = analysis.handlerAt(access.node)?.eventTypeSource === 'code';
  return !types || onlyIn(types, ORIGIN_REQUEST) || (inferred && types.has('origin-request'));
}

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
      const c: OriginCheck = { analysis, context, checked: new Set() };
      for (const access of analysis.accesses) {
        const what = originWriteOf(access);
        if (!what) continue;
        const types = analysis.eventTypesAt(access.node);
        if (onlyIn(types, VIEWER_EVENTS)) report(c, access.node, 'originOutsideOriginRequest', { event: formatEventTypes(types) });
        else if (!inOriginRequest(analysis, access)) continue;
        else if (what === 'origin') checkOrigin(c, access.value!);
        else if (what === 'config') checkConfig(c, access.value!, access.name as OriginConfigKind);
        else if (access.node.type === AST_NODE_TYPES.MemberExpression) {
          checkField(c, access.name, access.value!, analysis.originConfigKindOf(access.node.object));
        }
      }
    });
  },
});
