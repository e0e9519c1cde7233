// Pattern: a rollup bundle of a credential chain, with no module markers
// Bundled SDK code reads AWS_PROFILE and HOME; nothing in the file says where the library ends.
// What rollup does write is here: its interop helper for an external require, and the `$1`
// renames it gives colliding top-level names of merged modules (src/generated-code.ts).
// expect: none -- generated code: rollup output, its third-party parts unmarked, is not linted

'use strict';

var os = require('os');

function _interopDefaultLegacy (e) { return e && typeof e === 'object' && 'default' in e ? e : { 'default': e }; }

var os__default = /*#__PURE__*/_interopDefaultLegacy(os);

var ENV_PROFILE = 'AWS_PROFILE';
function profileName(init) {
  return init.profile || process.env[ENV_PROFILE] || 'default';
}
function homeDir() {
  var env = process.env;
  return env.HOME || os__default["default"].homedir() || '/';
}

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.headers['x-profile'] = [{ key: 'X-Profile', value: profileName({}) + homeDir() }];
  return request;
};
