import { isMap } from './located-data.js';

const EDGE_LAMBDA = 'edgelambda.amazonaws.com';

/**
 * Whether an IAM trust policy document (as data) lets edgelambda.amazonaws.com assume the
 * role: true or false when every statement can be read, undefined when it cannot
 * (an intrinsic function, a JSON string built at deploy time).
 */
export function trustsEdgeLambda(document: unknown): boolean | undefined {
  let doc = document;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return undefined;
    }
  }
  if (!isMap(doc)) return undefined;
  const raw = doc.Statement;
  const statements = Array.isArray(raw) ? raw : [raw];
  for (const statement of statements) {
    if (!isMap(statement)) return undefined;
    if (statement.Effect !== undefined && statement.Effect !== 'Allow') continue;
    const principal = statement.Principal;
    if (principal === '*') return true;
    if (!isMap(principal)) continue;
    const service = principal.Service;
    const services = Array.isArray(service) ? service : [service];
    if (services.some((s) => typeof s !== 'string' && s !== undefined)) return undefined;
    if (services.includes(EDGE_LAMBDA)) return true;
  }
  return false;
}
