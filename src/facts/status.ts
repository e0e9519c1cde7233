/**
 * The `status` CloudFront accepts in a Lambda@Edge response: a string of digits from '200' to
 * '599' (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-generating-http-responses.html).
 */
import type { StaticValue } from '../static-value.js';

/** What is wrong with a known status value, as the code has it (`shown`: quoted when a string). */
export interface StatusFault {
  fault: 'out-of-range' | 'malformed';
  shown: string;
  /** `'200 OK'`, `' 200'`: the status code inside a string with extra text around it. */
  code: string | undefined;
}

const inRange = (n: number) => n >= 200 && n <= 599;

/** Undefined when the value is a status CloudFront accepts (a number in range too: no-numeric-status reports its type). */
export function statusFault(known: StaticValue & { text: string }): StatusFault | undefined {
  const text = known.text;
  if (known.primitive === 'number') {
    const n = Number(text);
    if (Number.isInteger(n) && inRange(n)) return undefined;
    return { fault: Number.isInteger(n) ? 'out-of-range' : 'malformed', shown: text, code: undefined };
  }
  const shown = known.primitive ? text : `'${text}'`;
  if (/^\d+$/.test(text)) return inRange(Number(text)) ? undefined : { fault: 'out-of-range', shown, code: undefined };
  const code = known.primitive ? undefined : /^\s*([2-5]\d\d)(?:\s|$)/.exec(text)?.[1];
  return { fault: 'malformed', shown, code };
}
