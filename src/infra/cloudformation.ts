import { basename, dirname, extname, resolve } from 'node:path';
import { type DiscoveryContext, splitHandler } from './context.js';
import { isObject } from './serverless.js';
import { unknownTagOf, type YamlData } from './yaml-data.js';

/** Cheap test on the text before a template is parsed. */
export function mayBeTemplateWithDistribution(text: string): boolean {
  return text.includes('AWS::CloudFront::Distribution');
}

type Resources = Record<string, unknown>;

interface Located {
  file: string;
  data: YamlData;
  templateDir: string;
  resources: Resources;
  globals: Record<string, unknown>;
}

/**
 * SAM and CloudFormation templates: every `AWS::CloudFront::Distribution`'s
 * `LambdaFunctionAssociations` (default and each cache behavior), resolved through
 * `LambdaFunctionARN` to an `AWS::Serverless::Function` or `AWS::Lambda::Function` and its
 * local code folder and `Handler`.
 */
export function readTemplate(ctx: DiscoveryContext, file: string, data: YamlData): void {
  const root = data.value;
  if (!isObject(root) || !isObject(root.Resources)) return;
  const transform = root.Transform;
  const isSam = (Array.isArray(transform) ? transform : [transform]).some(
    (t) => typeof t === 'string' && t.startsWith('AWS::Serverless'),
  );
  const source = isSam ? 'sam' : 'cloudformation';
  const globals = isObject(root.Globals) && isObject(root.Globals.Function) ? root.Globals.Function : {};
  const t: Located = { file, data, templateDir: dirname(file), resources: root.Resources, globals };

  for (const [distId, resource] of Object.entries(t.resources)) {
    if (!isObject(resource) || resource.Type !== 'AWS::CloudFront::Distribution') continue;
    const props = resource.Properties;
    const config = isObject(props) ? props.DistributionConfig : undefined;
    if (!isObject(config)) continue;
    const behaviors: { name: string; behavior: unknown }[] = [
      { name: 'DefaultCacheBehavior', behavior: config.DefaultCacheBehavior },
    ];
    if (Array.isArray(config.CacheBehaviors)) {
      config.CacheBehaviors.forEach((behavior, i) => behaviors.push({ name: `CacheBehaviors[${i}]`, behavior }));
    }
    for (const { name, behavior } of behaviors) {
      if (!isObject(behavior)) continue;
      conditionalBranches(behavior.LambdaFunctionAssociations).flatMap(conditionalBranches).forEach((assoc, i) => {
        if (!isObject(assoc)) return;
        const what = `${distId} ${name}.LambdaFunctionAssociations[${i}]`;
        const line = data.lineOf(assoc, 'EventType') ?? data.lineOf(assoc) ?? 1;
        const eventType = ctx.eventType(assoc.EventType, file, line, what);
        if (!eventType) return;
        const arnLine = data.lineOf(assoc, 'LambdaFunctionARN') ?? line;
        const functionIds = functionsOfArn(ctx, t, assoc.LambdaFunctionARN, arnLine, what);
        for (const id of functionIds) {
          const target = handlerOf(ctx, t, id, what);
          if (target) ctx.bind(source, target, eventType, file, line, assoc.IncludeBody === true);
        }
      });
    }
  }
}

/**
 * What a value may be at deploy time: both branches of `Fn::If` (`!If [Cond, a, b]`), without
 * `AWS::NoValue`, the elements of a list, or the value itself. An association (or the whole
 * list) that a condition switches on is bound with the event type it has when it is on.
 */
function conditionalBranches(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) return [];
  const branches = value['Fn::If'];
  if (Object.keys(value).length !== 1 || !Array.isArray(branches)) return [value];
  return branches.slice(1, 3).filter((branch) => !(isObject(branch) && branch.Ref === 'AWS::NoValue')).flatMap(conditionalBranches);
}

/**
 * Logical ids of the functions a `LambdaFunctionARN` points at. A version is what
 * CloudFront needs; an unversioned function ARN is bound all the same, with a problem.
 */
function functionsOfArn(ctx: DiscoveryContext, t: Located, arn: unknown, line: number, what: string): string[] {
  const tag = unknownTagOf(arn);
  if (tag) {
    ctx.problem(t.file, line, `${what}.LambdaFunctionARN uses the unknown tag ${tag}; cannot find the function.`, 'unresolved');
    return [];
  }
  const refs: string[] = [];
  const fail = (why: string) => ctx.problem(t.file, line, `${what}.LambdaFunctionARN ${why}`, 'unresolved');
  if (!collectRefs(arn, refs, fail)) return [];

  const ids = new Set<string>();
  let versioned = false;
  for (const ref of refs) {
    const [logicalId, attribute] = splitRef(ref);
    const resource = t.resources[logicalId];
    if (!isObject(resource)) continue;
    if (resource.Type === 'AWS::Lambda::Version') {
      const fnId = functionOfVersion(resource);
      if (fnId) {
        ids.add(fnId);
        versioned = true;
      } else {
        fail(`refers to ${logicalId}, whose FunctionName is not a Ref or GetAtt of a function in this template.`);
        return [];
      }
    } else if (resource.Type === 'AWS::Serverless::Function' || resource.Type === 'AWS::Lambda::Function') {
      ids.add(logicalId);
      if (attribute === 'Version' || (resource.Type === 'AWS::Serverless::Function' && attribute === 'Alias')) {
        versioned = true;
      }
    }
  }
  if (ids.size === 0) {
    fail(
      refs.length === 0
        ? 'is a literal ARN or an imported value; the function code is not in this template.'
        : `refers to ${refs.join(', ')}, which is not a function or version in this template.`,
    );
    return [];
  }
  if (!versioned) {
    ctx.problem(
      t.file,
      line,
      `${what}.LambdaFunctionARN refers to ${[...ids].join(', ')} without a version; Lambda@Edge needs a numbered version (AWS::Lambda::Version, or AutoPublishAlias and Fn.Version on SAM).`,
      'deploy',
    );
  }
  return [...ids];
}

/** `FnVersion.FunctionArn` → ['FnVersion', 'FunctionArn']; `Fn.Version` → ['Fn', 'Version']. */
export function splitRef(ref: string): [string, string | undefined] {
  const dot = ref.indexOf('.');
  return dot < 0 ? [ref, undefined] : [ref.slice(0, dot), ref.slice(dot + 1)];
}

// `[^{}]` keeps it linear: with `[^}]`, each of many unclosed `${` scanned to the end.
const SUB_VARIABLE = /\$\{(?!!)([^{}]+)\}/g;
const IGNORED_INTRINSICS = new Set(['Fn::Select', 'Fn::Split', 'Fn::Base64', 'Fn::GetAZs', 'Fn::Cidr']);

/**
 * Walks an intrinsic-function value and collects the logical ids it refers to
 * (`Ref`, `Fn::GetAtt`, `${X.Y}` in `Fn::Sub`, both branches of `Fn::If`, the parts of
 * `Fn::Join`). Returns false, after calling `fail`, for what cannot be followed.
 */
export function collectRefs(value: unknown, refs: string[], fail: (why: string) => void): boolean {
  if (typeof value === 'string') return true; // literal text between the references
  if (Array.isArray(value)) return value.every((v) => collectRefs(v, refs, fail));
  if (!isObject(value)) return true;
  const tag = unknownTagOf(value);
  if (tag) {
    fail(`uses the unknown tag ${tag}; cannot find the function.`);
    return false;
  }
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    fail('is an object that is not an intrinsic function; cannot find the function.');
    return false;
  }
  const key = keys[0]!;
  const arg = value[key];
  switch (key) {
    case 'Ref':
      if (typeof arg === 'string' && !arg.startsWith('AWS::')) refs.push(arg);
      return true;
    case 'Fn::GetAtt': {
      const parts = Array.isArray(arg) ? arg : typeof arg === 'string' ? splitRef(arg) : [];
      if (typeof parts[0] !== 'string') {
        fail('has a Fn::GetAtt whose logical id is not a plain string.');
        return false;
      }
      refs.push(typeof parts[1] === 'string' ? `${parts[0]}.${parts[1]}` : parts[0]);
      return true;
    }
    case 'Fn::Sub': {
      const [template, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
      if (typeof template !== 'string') {
        fail('has a Fn::Sub whose template is not a string.');
        return false;
      }
      for (const match of template.matchAll(SUB_VARIABLE)) {
        const name = match[1]!.trim();
        if (isObject(vars) && name in vars) {
          if (!collectRefs(vars[name], refs, fail)) return false;
        } else if (!name.startsWith('AWS::')) {
          refs.push(name);
        }
      }
      return true;
    }
    case 'Fn::Join':
      return Array.isArray(arg) ? collectRefs(arg[1], refs, fail) : true;
    case 'Fn::If':
      return Array.isArray(arg) ? arg.slice(1).every((v) => collectRefs(v, refs, fail)) : true;
    case 'Fn::ImportValue':
    case 'Fn::FindInMap':
    case 'Fn::GetParam':
      fail(`uses ${key}, whose value is only known at deploy time; cannot find the function.`);
      return false;
    default:
      if (IGNORED_INTRINSICS.has(key)) return collectRefs(arg, refs, fail);
      fail(`uses ${key}, which is not followed; cannot find the function.`);
      return false;
  }
}

export function functionOfVersion(version: Record<string, unknown>): string | undefined {
  const props = version.Properties;
  if (!isObject(props)) return undefined;
  const name = props.FunctionName;
  if (isObject(name)) {
    if (typeof name.Ref === 'string') return name.Ref;
    const getAtt = name['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  }
  return undefined;
}

function handlerOf(
  ctx: DiscoveryContext,
  t: Located,
  logicalId: string,
  what: string,
): { file: string; exportName: string; runtime?: string } | undefined {
  const resource = t.resources[logicalId];
  if (!isObject(resource)) return undefined;
  const props = isObject(resource.Properties) ? resource.Properties : {};
  const line = t.data.lineOf(resource, 'Properties') ?? t.data.lineOf(t.resources, logicalId);
  const fnWhat = `${what} → ${logicalId}`;
  const handler = props.Handler ?? (resource.Type === 'AWS::Serverless::Function' ? t.globals.Handler : undefined);
  if (typeof handler !== 'string') {
    // A container image (PackageType: Image) has no Handler and no source in the project.
    const image = props.PackageType === 'Image' || props.ImageUri !== undefined || (isObject(props.Code) && props.Code.ImageUri !== undefined);
    ctx.problem(t.file, line, `${fnWhat} has no Handler string.`, image ? 'remote' : 'unresolved');
    return undefined;
  }
  let codeDir: string | undefined;
  if (resource.Type === 'AWS::Serverless::Function') {
    if (props.InlineCode !== undefined) return undefined;
    const codeUri = props.CodeUri ?? t.globals.CodeUri ?? '.';
    if (typeof codeUri !== 'string') {
      ctx.problem(t.file, line, `${fnWhat} CodeUri is not a local path (an S3 location?); no source to lint.`, isS3Location(codeUri, 'Bucket') ? 'remote' : 'unresolved');
      return undefined;
    }
    if (isRemoteUri(codeUri)) {
      ctx.problem(t.file, line, `${fnWhat} CodeUri ${codeUri} is an S3 location, not a local folder; no source to lint.`, 'remote');
      return undefined;
    }
    codeDir = resolve(t.templateDir, codeUri);
  } else {
    const code = props.Code;
    if (isObject(code) && code.ZipFile !== undefined) return undefined;
    if (typeof code !== 'string') {
      ctx.problem(t.file, line, `${fnWhat} Code is not a local path (an S3 location?); no source to lint.`, isS3Location(code, 'S3Bucket') || (isObject(code) && code.ImageUri !== undefined) ? 'remote' : 'unresolved');
      return undefined;
    }
    if (isRemoteUri(code)) {
      ctx.problem(t.file, line, `${fnWhat} Code ${code} is an S3 location, not a local folder; no source to lint.`, 'remote');
      return undefined;
    }
    codeDir = resolve(t.templateDir, code);
  }
  let target: { file: string; exportName: string } | undefined;
  if (extname(codeDir) === '.zip' || ctx.kind(codeDir) === 'file') {
    target = singleFileCode(codeDir, handler);
    if (!target) {
      ctx.problem(t.file, line, `${fnWhat} code is a file (${ctx.rel(codeDir)}), not a source folder; no source to lint.`, 'remote');
      return undefined;
    }
  } else {
    target = ctx.resolveHandler(codeDir, handler, t.file, line, fnWhat);
  }
  const runtime = props.Runtime ?? (resource.Type === 'AWS::Serverless::Function' ? t.globals.Runtime : undefined);
  return target && typeof runtime === 'string' ? { ...target, runtime } : target;
}

/**
 * `CodeUri: ./src/index.js` with `Handler: index.handler`: the packaging zips that one file,
 * at the archive's root, so a handler whose module is the file's own name is that file.
 */
function singleFileCode(file: string, handler: string): { file: string; exportName: string } | undefined {
  const ext = extname(file);
  if (!/^\.[cm]?js$/.test(ext)) return undefined;
  const parts = splitHandler(handler);
  return parts && parts.modulePath === basename(file, ext) ? { file, exportName: parts.exportName } : undefined;
}

/** `{ Bucket, Key }` (SAM CodeUri) or `{ S3Bucket, S3Key }` (Lambda Code): code in S3, not in the project. */
function isS3Location(value: unknown, bucketKey: 'Bucket' | 'S3Bucket'): boolean {
  return isObject(value) && value[bucketKey] !== undefined;
}

/** `s3://bucket/key` or an https URL (`aws cloudformation package` output): never a local path. */
export function isRemoteUri(uri: string): boolean {
  return /^(s3|https?):\/\//i.test(uri);
}
