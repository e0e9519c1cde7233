/**
 * Size quotas CloudFront applies to what an edge function hands back
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-lambda-at-edge).
 */

/** A generated response (body and headers) in viewer-request and viewer-response: 40 KB. */
export const VIEWER_GENERATED_RESPONSE_LIMIT = 40 * 1024;
/** A generated response (body and headers) in origin-request and origin-response: 1 MB. */
export const ORIGIN_GENERATED_RESPONSE_LIMIT = 1024 * 1024;
