import type { TSESLint } from '@typescript-eslint/utils';
import infraCodeSize from './infra-code-size.js';
import infraEdgeTrustPolicy from './infra-edge-trust-policy.js';
import infraIncludeBodyEvent from './infra-include-body-event.js';
import infraLimits from './infra-limits.js';
import infraNoEnvironment from './infra-no-environment.js';
import infraRuntime from './infra-runtime.js';
import infraUniqueEventType from './infra-unique-event-type.js';
import infraUnresolved from './infra-unresolved.js';
import infraUnsupportedFeatures from './infra-unsupported-features.js';
import infraUnsupportedSettings from './infra-unsupported-settings.js';
import infraUsEast1 from './infra-us-east-1.js';
import infraVersionedArn from './infra-versioned-arn.js';
import lowercaseHeaderKeys from './lowercase-header-keys.js';
import maxGeneratedResponseSize from './max-generated-response-size.js';
import noBodyWith204 from './no-body-with-204.js';
import noCallbackHandlerOnNodejs24 from './no-callback-handler-on-nodejs24.js';
import noCloudfrontHeadersInViewerRequest from './no-cloudfront-headers-in-viewer-request.js';
import noDisallowedHeaders from './no-disallowed-headers.js';
import noEnvVars from './no-env-vars.js';
import noForeignRequestFields from './no-foreign-request-fields.js';
import noNumericStatus from './no-numeric-status.js';
import noOriginBodyInResponseTrigger from './no-origin-body-in-response-trigger.js';
import noQuerystringObject from './no-querystring-object.js';
import noReadOnlyRequestFields from './no-read-only-request-fields.js';
import noStatusChangeInViewerResponse from './no-status-change-in-viewer-response.js';
import preferCacheableEvent from './prefer-cacheable-event.js';
import validBodyEncoding from './valid-body-encoding.js';
import validConfiguration from './valid-configuration.js';
import validHandlerCompletion from './valid-handler-completion.js';
import validHeaderShape from './valid-header-shape.js';
import validIncludeBody from './valid-include-body.js';
import validOrigin from './valid-origin.js';
import validStatus from './valid-status.js';
import validUriAndQuerystring from './valid-uri-and-querystring.js';

/** Every rule of the plugin, by name, with its own types. Keep sorted; a test checks it matches rules/. */
export const ruleModules = {
  'infra-code-size': infraCodeSize,
  'infra-edge-trust-policy': infraEdgeTrustPolicy,
  'infra-include-body-event': infraIncludeBodyEvent,
  'infra-limits': infraLimits,
  'infra-no-environment': infraNoEnvironment,
  'infra-runtime': infraRuntime,
  'infra-unique-event-type': infraUniqueEventType,
  'infra-unresolved': infraUnresolved,
  'infra-unsupported-features': infraUnsupportedFeatures,
  'infra-unsupported-settings': infraUnsupportedSettings,
  'infra-us-east-1': infraUsEast1,
  'infra-versioned-arn': infraVersionedArn,
  'lowercase-header-keys': lowercaseHeaderKeys,
  'max-generated-response-size': maxGeneratedResponseSize,
  'no-body-with-204': noBodyWith204,
  'no-callback-handler-on-nodejs24': noCallbackHandlerOnNodejs24,
  'no-cloudfront-headers-in-viewer-request': noCloudfrontHeadersInViewerRequest,
  'no-disallowed-headers': noDisallowedHeaders,
  'no-env-vars': noEnvVars,
  'no-foreign-request-fields': noForeignRequestFields,
  'no-numeric-status': noNumericStatus,
  'no-origin-body-in-response-trigger': noOriginBodyInResponseTrigger,
  'no-querystring-object': noQuerystringObject,
  'no-read-only-request-fields': noReadOnlyRequestFields,
  'no-status-change-in-viewer-response': noStatusChangeInViewerResponse,
  'prefer-cacheable-event': preferCacheableEvent,
  'valid-body-encoding': validBodyEncoding,
  'valid-configuration': validConfiguration,
  'valid-handler-completion': validHandlerCompletion,
  'valid-header-shape': validHeaderShape,
  'valid-include-body': validIncludeBody,
  'valid-origin': validOrigin,
  'valid-status': validStatus,
  'valid-uri-and-querystring': validUriAndQuerystring,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

export type RuleModules = typeof ruleModules;

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = ruleModules;
