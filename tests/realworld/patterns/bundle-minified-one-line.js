// Pattern: a minified bundle on one line
// expect: none -- generated code: the third-party section (or the whole minified file) is not the project's own

var d=process.env.DEBUG||"";function l(x){d&&console.log(x)}exports.handler=async function(e){var r=e.Records[0].cf.request;l(r.uri);return r};
