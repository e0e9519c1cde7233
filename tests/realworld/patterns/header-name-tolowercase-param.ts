// Pattern: toLowerCase() on a string parameter is not a header key
// Shape seen in a Next.js-at-edge package: a typed header map walked with for-in, each name
// handed to a helper that lowercases its string parameter.
// expect: none -- the for-in variable is a key, and toLowerCase() a string method, not a header

import type { CloudFrontHeaders } from 'aws-lambda';

const internalPrefixes = ['x-amz-cf-', 'x-edge-'];

export function isInternal(name: string): boolean {
  const lower = name.toLowerCase();
  return internalPrefixes.some((prefix) => lower.startsWith(prefix));
}

export function stripInternal(headers: CloudFrontHeaders): void {
  for (const name in headers) {
    if (isInternal(name)) delete headers[name];
  }
}
