// Pattern: a NODE_ENV switch whose undefined branch is the production path
// At the edge NODE_ENV is undefined, so the comparison takes the production branch: the intended result.
// expect: none -- no correct finding in this file; see the known-* markers

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (process.env.NODE_ENV !== 'test') {
    request.headers['x-edge'] = [{ key: 'X-Edge', value: '1' }];
  }
  return request;
};
