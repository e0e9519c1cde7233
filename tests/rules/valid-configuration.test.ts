import rule from '../../rules/valid-configuration.js';
import { byMessage, createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('valid-configuration', rule, {
  valid: [
    '// @lambda-edge-event viewer-request\nexports.handler = async (event) => event.Records[0].cf.request;\n',
    'export const x = 1;\n',
  ],
  invalid: [
    {
      // A misspelt event type: reported under this rule, not under a code rule.
      code: '// @lambda-edge-event viewer-requset\nexports.handler = async (event) => event.Records[0].cf.request;\n',
      errors: [
        byMessage({
          message: /^@lambda-edge-event has the unknown event type 'viewer-requset'; allowed values are /,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 37,
        }),
      ],
    },
    {
      code: 'export const y = 2;\n',
      settings: { 'lambda-edge': { infrastructure: false, eventType: 'origin-requset' } },
      errors: [byMessage({ message: /origin-requset/, line: 1, column: 1 })],
    },
  ],
});
