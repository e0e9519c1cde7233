// Pattern: a rollup bundle of a credential chain, with no module markers
// Bundled SDK code reads AWS_PROFILE and HOME; nothing in the file says where the library ends.
// expect: none -- no correct finding in this file; see the known-* markers
// known-false: bundled third-party code (rollup bundle, no markers) -- lambda-edge/no-env-vars 9
// known-false: bundled third-party code (rollup bundle, no markers) -- lambda-edge/no-env-vars 13

var ENV_PROFILE = 'AWS_PROFILE';
function profileName(init) {
  return init.profile || process.env[ENV_PROFILE] || 'default';
}
function homeDir() {
  var env = process.env;
  return env.HOME || '/';
}

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.headers['x-profile'] = [{ key: 'X-Profile', value: profileName({}) + homeDir() }];
  return request;
};
