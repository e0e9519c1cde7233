// Pattern: a serverless.ts (the TypeScript form of a Serverless service) whose edge function,
// attached with the silvermine plugin's lambdaAtEdge, takes its timeout from a shared const and
// its memory from ${self:custom.…}; the plugin keeps both, and a regional API function beside it
// has the same values. The file is named serverless.ts because that name is what makes it a
// Serverless service rather than CDK code.
// expect: lambda-edge/infra-limits 21
// expect: lambda-edge/infra-limits 22

const TIMEOUT = 10;

export default {
  service: 'site',
  provider: { name: 'aws', runtime: 'nodejs22.x', region: 'us-east-1' },
  custom: { edgeMemory: 512, stage: '${opt:stage}' },
  functions: {
    api: { handler: 'api.handler', timeout: TIMEOUT, memorySize: '${self:custom.edgeMemory}' },
    rewrite: {
      handler: 'rewrite.handler',
      // ${opt:…} cannot be known: not reported.
      description: 'rewrite for ${self:custom.stage}',
      timeout: TIMEOUT,
      memorySize: '${self:custom.edgeMemory}',
      lambdaAtEdge: { distribution: 'WebsiteDistribution', eventType: 'viewer-request' },
    },
  },
};
