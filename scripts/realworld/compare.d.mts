export interface Finding {
  package: string;
  file: string;
  line: number;
  rule: string;
  message?: string;
}
export interface Entry extends Finding {
  reason: string;
  class?: string;
  config?: 'bare' | 'node';
}
export interface Expected {
  truePositives: Entry[];
  acceptedSilent: Entry[];
  knownFalse: Entry[];
  knownMisses?: Entry[];
}
export interface Comparison {
  ok: boolean;
  unexpected: (Finding & { silentEntry?: Entry; missEntry?: Entry })[];
  missingTruePositives: Entry[];
  fixedKnownFalse: Entry[];
  matched: number;
}
export function keyOf(item: Finding): string;
export function validateExpected(expected: Expected): string[];
export function compareFindings(findings: Finding[], expected: Expected): Comparison;
export function formatComparison(result: Comparison): string;
