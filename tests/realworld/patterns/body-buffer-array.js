// Pattern: an array of Buffers as the body
// expect: lambda-edge/valid-body-encoding 7

// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const chunks = [Buffer.from('a'), Buffer.from('b')];
  return { status: '200', body: chunks };
};
