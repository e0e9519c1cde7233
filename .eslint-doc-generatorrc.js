/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['infrastructure', '🏗️'],
  ],
  ignoreConfig: ['all'],
  ruleDocSectionInclude: ['Why', 'Examples', 'When Not To Use It'],
  ruleDocTitleFormat: 'desc-parens-prefix-name',
  ruleDocNotices: ['deprecated', 'configs', 'fixableAndHasSuggestions', 'options'],
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions', 'options'],
  urlConfigs: 'https://github.com/lambda-edge-lint/eslint-plugin-lambda-edge#configs',
  postprocess: async (content) => content,
};
