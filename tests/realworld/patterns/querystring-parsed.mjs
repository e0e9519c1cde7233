// Pattern: the querystring parsed with URLSearchParams
// expect: none -- the string is parsed before use

export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const lang = new URLSearchParams(request.querystring).get('lang');
  if (lang) request.uri = `/${lang}${request.uri}`;
  return request;
};
