// Pattern: display-case names in constants, lowercased where they become keys
// Shape seen in a CDK custom-domain sample: each constant is both the entry's `key` and,
// lowercased, the map key.
// expect: none -- every map key is lowercased, and `key` keeps the display spelling as it should

// @lambda-edge-event origin-response
const hstsName = 'Strict-Transport-Security';
const frameName = 'X-Frame-Options';

exports.handler = async (event) => {
  const headers = event.Records[0].cf.response.headers;
  headers[hstsName.toLowerCase()] = [{ key: hstsName, value: 'max-age=31536000' }];
  headers[frameName.toLowerCase()] = [{ key: frameName, value: 'DENY' }];
  return event.Records[0].cf.response;
};
