import json from '@eslint/json';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from 'eslint';
import yml from 'eslint-plugin-yml';
import { afterAll, describe, it } from 'vitest';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
void afterAll;

/**
 * ESLint's own RuleTester, which runs a rule under any language: the `infra-*` rules are
 * tested on the file kinds users lint them on, YAML (eslint-plugin-yml's `yml/yaml`), JSON
 * (@eslint/json's `json/json`) and TypeScript (CDK), with real line/column positions.
 */
export const yamlTester = new RuleTester({ plugins: { yml: yml as never }, language: 'yml/yaml' });
export const jsonTester = new RuleTester({ plugins: { json: json as never }, language: 'json/json' });
export const cdkTester = new RuleTester({
  languageOptions: { parser: tsParser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
});

/** Lines joined, so a YAML case reads as the file it stands for. */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** A CDK stack module around the given constructor body. */
export function cdkStack(body: string, tail = ''): string {
  return lines(
    "import * as cdk from 'aws-cdk-lib';",
    "import * as lambda from 'aws-cdk-lib/aws-lambda';",
    "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';",
    'export class EdgeStack extends cdk.Stack {',
    '  constructor(scope: cdk.App, id: string, props?: cdk.StackProps) {',
    '    super(scope, id, props);',
    body,
    '  }',
    '}',
    tail,
  );
}
