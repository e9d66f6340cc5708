import type { z } from 'zod';

/** At most this many zod issues are named in one error message. */
const MAX_ISSUES = 5;
/** A key from the payload is named only when it looks like a field name (a PIN used as a key must not leak). */
const SAFE_KEY = /^[A-Za-z_$][\w$]{0,39}$/;

/**
 * Describes why a payload failed its schema: field paths and problems, never the values.
 *
 * Zod's default messages name expected and received *types*, not values, and the contract's custom messages are
 * written by us; the one exception is `unrecognized_keys`, which names the payload's own keys, so those are filtered.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.slice(0, MAX_ISSUES).map((issue) => `${formatPath(issue.path)}: ${issueText(issue)}`);
  const more = issues.length > MAX_ISSUES ? `; and ${issues.length - MAX_ISSUES} more` : '';
  return lines.join('; ') + more;
}

/** Field paths only (for logs): which fields were wrong, nothing else. */
export function describeIssuePaths(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, MAX_ISSUES)
    .map((issue) => formatPath(issue.path))
    .join(', ');
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const named = issue.keys.filter((key) => SAFE_KEY.test(key));
    const unnamed = issue.keys.length - named.length;
    const parts = named.slice(0, MAX_ISSUES).map((key) => JSON.stringify(key));
    if (named.length > MAX_ISSUES) parts.push(`${named.length - MAX_ISSUES} more`);
    if (unnamed > 0) parts.push(`${unnamed} unnamed`);
    return `unexpected field${issue.keys.length === 1 ? '' : 's'} ${parts.join(', ')}`;
  }
  return issue.message.length > 200 ? `${issue.message.slice(0, 200)}…` : issue.message;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(payload)';
  return path
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : String(segment)))
    .join('.')
    .replace(/\.\[/g, '[');
}
