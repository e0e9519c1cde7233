// Pattern: process taken from node:process
// expect: none -- no correct finding in this file; see the known-* markers
// known-miss: process bound to a variable (require('node:process')) -- lambda-edge/no-env-vars 9

const process = require('node:process');

exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (process.env.MAINTENANCE === 'on') {
    return { status: '503', statusDescription: 'Service Unavailable' };
  }
  return request;
};
