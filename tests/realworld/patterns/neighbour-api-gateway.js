// Pattern: an API Gateway Lambda in the same project
// expect: none -- an API Gateway handler returns statusCode and may read the environment

exports.handler = async (event) => {
  const table = process.env.TABLE_NAME;
  return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ table, path: event.path }) };
};
