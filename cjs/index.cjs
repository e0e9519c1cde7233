'use strict';
// CommonJS entry: `require('eslint-plugin-lambda-edge')` returns the plugin itself, as an
// eslint.config.cjs expects. Node 20.19+ loads the ES module build synchronously.
module.exports = require('../dist/src/index.js').default;
