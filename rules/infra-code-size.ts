import { dirname, isAbsolute, resolve } from 'node:path';
import { VIEWER_EVENTS } from '../src/event-types.js';
import { measurePackage } from '../src/infra/edge-functions/code-size.js';
import { createInfraRule, describeFunction } from '../src/infra/edge-functions/rule.js';

/** Quotas on Lambda@Edge: maximum compressed size of the function and its libraries. */
const VIEWER_MAX = 1_048_576;
const ORIGIN_MAX = 52_428_800;

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export default createInfraRule({
  name: 'infra-code-size',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow a Lambda@Edge package zipped from a local folder that clearly exceeds its event types' compressed code-size quota",
      recommended: 'recommended',
      severity: 'warn',
    },
    messages: {
      tooLarge:
        'The function code size is larger than the maximum allowed size for functions that are triggered by a CloudFront event: {{ fn }} is zipped from {{ path }}, whose {{ files }} files ({{ raw }} on disk) compress to {{ zip }}; {{ events }} events allow {{ max }} compressed. Bundle and minify the handler (esbuild, webpack) and leave dev dependencies and other functions out of the folder{{ hint }}.',
    },
  },
  check(model, report, { filename }) {
    if (!filename || filename.startsWith('<')) return;
    for (const fn of model.functions) {
      const code = fn.settings.codePath;
      if (!code || fn.associations.length === 0) continue;
      // Measured only when the file holding the archive is linted (a Terraform module's other files skip it).
      if (model.reportable && !model.reportable(code.node)) continue;
      const viewer = fn.associations.some((a) => VIEWER_EVENTS.has(a.eventType));
      const max = viewer ? VIEWER_MAX : ORIGIN_MAX;
      const path = isAbsolute(code.value) ? code.value : resolve(dirname(filename), code.value);
      const size = measurePackage(path, max, code.skip);
      if (!size || size.zipBytesAtLeast <= max) continue;
      report(code.node, 'tooLarge', {
        fn: describeFunction(fn),
        path: code.value,
        files: size.files,
        raw: megabytes(size.rawBytes),
        zip: `${size.stopped ? 'more than' : 'at least'} ${megabytes(size.zipBytesAtLeast)}`,
        events: viewer ? 'viewer' : 'origin',
        max: viewer ? '1 MB' : '50 MB',
        hint: viewer ? ', or move the work to an origin event (50 MB)' : '',
      });
    }
  },
});
