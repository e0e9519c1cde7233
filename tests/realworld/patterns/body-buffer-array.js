// Pattern: an array of Buffers as the body
// expect: none -- no correct finding in this file; see the known-* markers
// known-miss: Buffer body (array of Buffers) -- lambda-edge/valid-body-encoding 8

// @lambda-edge-event origin-request
exports.handler = async (event) => {
  const chunks = [Buffer.from('a'), Buffer.from('b')];
  return { status: '200', body: chunks };
};
