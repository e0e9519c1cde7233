// Pattern: process taken from node:process
// expect: lambda-edge/no-env-vars 9
// (a known miss until the edge model followed process through require)

const process = require('node:process');

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (process.env.MAINTENANCE === 'on') {
    return { status: '503', statusDescription: 'Service Unavailable' };
  }
  return request;
};
