/**
 * Variables the Lambda runtime itself sets, which Lambda@Edge functions still get
 * (AWS Lambda Developer Guide, "Defined runtime environment variables"). `_X_AMZN_TRACE_ID`
 * and the `AWS_XRAY_*` variables are left out: X-Ray is not supported on Lambda@Edge.
 */
export const RUNTIME_VARIABLES: ReadonlySet<string> = new Set([
  '_HANDLER',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
  'TZ',
  'LANG',
  'PATH',
  'LD_LIBRARY_PATH',
  'NODE_PATH',
]);
