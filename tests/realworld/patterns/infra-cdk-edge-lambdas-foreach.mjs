// Pattern: a CDK stack that fills edgeLambdas in a forEach over a list of event types, the edge
// function created once and pushed per event; a regional API function with the same
// environment sits beside it and is never attached.
// expect: lambda-edge/infra-no-environment 20
// expect: lambda-edge/infra-versioned-arn 27

import * as cdk from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as lambda from 'aws-cdk-lib/aws-lambda';

const code = lambda.Code.fromAsset('dist');

export class SiteStack extends cdk.Stack {
  constructor(scope, id) {
    super(scope, id, { env: { region: 'us-east-1' } });
    const shared = { runtime: lambda.Runtime.NODEJS_22_X, code, memorySize: 128, timeout: cdk.Duration.seconds(5) };
    new lambda.Function(this, 'Api', { ...shared, handler: 'api.handler', environment: { TABLE: 'orders' } });
    const rewrite = new lambda.Function(this, 'Rewrite', {
      ...shared, handler: 'rewrite.handler', environment: { TABLE: 'orders' },
    });
    const edgeLambdas = [];
    [cloudfront.LambdaEdgeEventType.VIEWER_REQUEST, cloudfront.LambdaEdgeEventType.VIEWER_RESPONSE].forEach((eventType) => {
      edgeLambdas.push({ functionVersion: rewrite.currentVersion, eventType });
    });
    const origin = new origins.HttpOrigin('example.com');
    const headers = [{ functionVersion: rewrite.latestVersion, eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST }];
    new cloudfront.Distribution(this, 'Cdn', {
      defaultBehavior: { origin, edgeLambdas },
      additionalBehaviors: { '/headers/*': { origin, edgeLambdas: [...headers] } },
    });
  }
}

new SiteStack(new cdk.App(), 'Site');
