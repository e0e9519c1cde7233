// Pattern: a dispatcher's table of event predicates
// Each entry's `matches` tests an incoming event; none of them is given to Lambda.
// expect: none -- functions held in an array of object literals are not handlers

export default [
  { matches: (evt) => evt.requestContext !== undefined, module: './http.mjs' },
  { matches: (evt) => evt.Records && evt.Records[0]?.cf, module: './edge.mjs' },
];
