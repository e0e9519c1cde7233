// Pattern: reading a header with optional chaining
// expect: none -- reading a possibly absent header safely is the recommended form

export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  const agent = request.headers['user-agent']?.[0]?.value ?? '';
  if (agent.includes('bot')) request.uri = '/static' + request.uri;
  return request;
};
