// Pattern: an array of ready-made { key, value } entries, each stored under its own key
// Shape seen in a Terraform website module: the entry list is written with forEach, the map key
// taken from the entry's display-case `key`.
// Reported at each `key` literal (a suggestion: the same string is the entry's `key`).
// expect: lambda-edge/lowercase-header-keys 10
// expect: lambda-edge/lowercase-header-keys 11

// @lambda-edge-event origin-response
const extraHeaders = [
  { key: 'Permissions-Policy', value: 'camera=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'cache-control', value: 'no-cache' },
];

exports.handler = (event, context, callback) => {
  const { response } = event.Records[0].cf;
  extraHeaders.forEach((entry) => {
    response.headers[entry.key] = [entry];
  });
  callback(null, response);
};
