/**
 * What tells a CloudFront event from the events of the other targets one multi-target handler
 * may serve (API Gateway REST and HTTP APIs, an Application Load Balancer, a function URL).
 * A CloudFront event has one top-level field, `Records`; the others never have it.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
 * https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
 */

/** The one top-level field of a CloudFront event. */
export const EDGE_EVENT_FIELD = 'Records';

/** Top-level fields of API Gateway, ALB and function URL events that a CloudFront event lacks. */
export const OTHER_EVENT_FIELDS: ReadonlySet<string> = new Set([
  'requestContext',
  'httpMethod',
  'rawPath',
  'rawQueryString',
  'routeKey',
  'queryStringParameters',
  'multiValueQueryStringParameters',
  'pathParameters',
  'stageVariables',
  'multiValueHeaders',
  'isBase64Encoded',
]);

/** aws-lambda type names of CloudFront's events, and of the other targets' events. */
export const EDGE_EVENT_TYPE = /^CloudFront(?:Request|Response)Event$/;
export const OTHER_EVENT_TYPE = /^(?:APIGateway\w*Event\w*|ALBEvent|LambdaFunctionURLEvent\w*)$/;
