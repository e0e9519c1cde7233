import { type TSESTree } from '@typescript-eslint/utils';
import { ALLOWED_EVENT_TYPES_TEXT, type EventTypes, isEventType, union } from '../facts/event-types.js';
import { type FileState } from './state.js';

/**
 * The tag begins the comment or one of its lines (after ` * ` in a JSDoc block), like a JSDoc
 * tag; a mention in prose ("an invalid `@lambda-edge-event`, ...") is not a tag.
 */
const EVENT_TAG = /(?:^|\n)[^\S\n]*(?:\*+[^\S\n]*)?@lambda-edge-event\b([^\n*]*)/g;
/** The `@lambda-edge-event` tags of a file: their union, and each tag's types by its comment. */
export interface EventComments {
  readonly fileTypes: EventTypes;
  readonly attached: Map<TSESTree.Comment, EventTypes>;
}

/** Phase 2a: `@lambda-edge-event` tags, for the whole file and attached to statements. */
export function readComments(m: FileState): EventComments {
  let fileTypes: EventTypes;
  const attached = new Map<TSESTree.Comment, EventTypes>();
  // Most files have no tag: one search of the text instead of a look at every comment.
  if (!m.sourceCode.text.includes('@lambda-edge-event')) return { fileTypes, attached };
  for (const comment of m.sourceCode.getAllComments()) {
    if (!comment.value.includes('@lambda-edge-event')) continue;
    EVENT_TAG.lastIndex = 0;
    const match = EVENT_TAG.exec(comment.value);
    if (!match) continue;
    const words = match[1]!.split(/[\s,|]+/).filter(Boolean);
    const good = words.filter(isEventType);
    const bad = words.filter((w) => !isEventType(w));
    if (bad.length > 0 || words.length === 0) {
      m.problems.push({
        loc: comment.loc,
        message:
          words.length === 0
            ? `@lambda-edge-event needs an event type; allowed values are ${ALLOWED_EVENT_TYPES_TEXT}.`
            : `@lambda-edge-event has the unknown event type ${bad.map((b) => `'${b}'`).join(', ')}; allowed values are ${ALLOWED_EVENT_TYPES_TEXT}.`,
      });
    }
    if (good.length === 0) continue;
    const types = new Set(good);
    attached.set(comment, types);
    fileTypes = fileTypes ? union(fileTypes, types) : types;
  }
  return { fileTypes, attached };
}
