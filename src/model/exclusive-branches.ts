/**
 * Branches that cannot both run: `if (settings.mode === 'redirect') { … }` and, later,
 * `if (settings.mode === 'rewrite') { … }` test one value that nothing changes against two
 * different strings, so at most one of them is taken. The completion flow does not correlate
 * conditions; the `callback` calls it puts one after the other are checked here before they
 * are reported as a second call.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { outerParent, unwrap } from '../estree/nodes.js';
import type { FileState } from './state.js';

/** One conjunct of an `if` test: `<subject> === <text>` (equal) or `!==` (not equal). */
interface Comparison {
  subject: string;
  text: string;
  equal: boolean;
}

/** The `if` statements whose consequent holds `node`, innermost first. */
function enclosingIfs(node: TSESTree.Node): TSESTree.IfStatement[] {
  const out: TSESTree.IfStatement[] = [];
  for (let child: TSESTree.Node = node, up = node.parent; up; child = up, up = up.parent) {
    if (up.type === AST_NODE_TYPES.IfStatement && up.consequent === child) out.push(up);
  }
  return out;
}

/**
 * A value that stays the same through the handler: an identifier or a chain of named members
 * on one, whose binding is never reassigned (`const settings = require('./settings.json')`),
 * and no member expression of the file with the same text is assigned to.
 */
function isStable(m: FileState, subject: TSESTree.Node, text: string): boolean {
  let root = subject;
  while (root.type === AST_NODE_TYPES.MemberExpression && !root.computed) root = root.object;
  if (root.type !== AST_NODE_TYPES.Identifier || !m.bindings.neverReassigned(root)) return false;
  if (subject === root) return true;
  return !m.members.some((member) => {
    const { node, parent } = outerParent(member);
    const written =
      (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) ||
      (parent?.type === AST_NODE_TYPES.UpdateExpression && parent.argument === node);
    return written && text.startsWith(m.sourceCode.getText(member));
  });
}

/** The comparisons with a string literal that a test's `&&` conjuncts make. */
function comparisons(m: FileState, test: TSESTree.Expression): Comparison[] {
  const node = unwrap(test);
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '&&') {
    return [...comparisons(m, node.left), ...comparisons(m, node.right)];
  }
  if (node.type !== AST_NODE_TYPES.BinaryExpression || !['===', '==', '!==', '!='].includes(node.operator)) return [];
  const [subject, literal] =
    node.right.type === AST_NODE_TYPES.Literal ? [node.left, node.right] : node.left.type === AST_NODE_TYPES.Literal ? [node.right, node.left] : [];
  if (!subject || subject.type === AST_NODE_TYPES.PrivateIdentifier || typeof literal?.value !== 'string') return [];
  const text = m.sourceCode.getText(subject);
  if (!isStable(m, subject, text)) return [];
  return [{ subject: text, text: literal.value, equal: node.operator === '===' || node.operator === '==' }];
}

/** Can two sets of comparisons not hold together (`x === 'a'` with `x === 'b'` or `x !== 'a'`)? */
function contradict(a: readonly Comparison[], b: readonly Comparison[]): boolean {
  return a.some(
    (one) =>
      one.equal &&
      b.some((other) => other.subject === one.subject && (other.equal ? other.text !== one.text : other.text === one.text)),
  );
}

/**
 * Do `a` and `b` lie in the consequents of two different `if` statements (neither inside the
 * other's consequent) whose tests cannot both be true?
 */
export function inExclusiveBranches(m: FileState, a: TSESTree.Node, b: TSESTree.Node): boolean {
  const ifsOfA = enclosingIfs(a);
  const ifsOfB = enclosingIfs(b);
  const tests = (ifs: TSESTree.IfStatement[], other: TSESTree.IfStatement[]) => ifs.filter((s) => !other.includes(s)).map((s) => comparisons(m, s.test));
  const ofA = tests(ifsOfA, ifsOfB);
  const ofB = tests(ifsOfB, ifsOfA);
  return ofA.some((first) => ofB.some((second) => contradict(first, second) || contradict(second, first)));
}
