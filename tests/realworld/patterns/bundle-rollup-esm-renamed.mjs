// Pattern: a rollup ES-module bundle: no helpers, only the renames of merged modules
// Two bundled libraries each declared `debug`, `parse` and `defaults` at their top level; rollup
// kept one scope and renamed the later ones `debug$1`, `parse$1`, `defaults$1`.
// expect: none -- generated code: rollup output, its third-party parts unmarked, is not linted

const defaults = { level: process.env.LOG_LEVEL || 'info' };
function debug(message) {
  if (defaults.level === 'debug') console.log(message);
}
function parse(text) {
  return text.split(';');
}

const defaults$1 = { colors: process.env.FORCE_COLOR !== undefined };
function debug$1(message) {
  if (defaults$1.colors) console.log(`\u001b[33m${message}\u001b[0m`);
}
function parse$1(header) {
  return parse(header).map((part) => part.trim());
}

const handler = async (event) => {
  const request = event.Records[0].cf.request;
  debug(request.uri);
  debug$1(parse$1(request.querystring).join('&'));
  return request;
};

export { handler };
