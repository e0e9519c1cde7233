// Pattern: presence test with the in operator and a keys loop
// expect: none -- 'in' and Object.keys only read the map

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const names = Object.keys(request.headers);
  if ('cookie' in request.headers && names.length < 50) {
    request.headers['x-has-cookie'] = [{ key: 'X-Has-Cookie', value: 'yes' }];
  }
  return request;
};
