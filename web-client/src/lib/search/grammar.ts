/** One operator of the post search language (search-service's README, "Query grammar"). */
export interface Operator {
  /** What the help lists, and what typing it starts with. */
  syntax: string;
  example: string;
  meaning: string;
}

export const OPERATORS: readonly Operator[] = [
  { syntax: 'word', example: 'coffee harbour', meaning: 'posts with every word, in any form, case or accent' },
  { syntax: '"phrase"', example: '"flat white"', meaning: 'the words in this order' },
  { syntax: '-', example: '-decaf', meaning: 'leaves out posts with the term that follows' },
  { syntax: 'OR', example: 'cats OR dogs', meaning: 'either term; binds the terms next to it' },
  { syntax: '#', example: '#harbour', meaning: 'posts with the hashtag' },
  { syntax: '@', example: '@ana', meaning: 'posts mentioning that person' },
  { syntax: 'from:', example: 'from:ana', meaning: 'posts by that person' },
  { syntax: 'since:', example: 'since:2026-12-01', meaning: 'posted on or after that day (UTC)' },
  { syntax: 'until:', example: 'until:2026-12-06', meaning: 'posted on or before that day (UTC)' },
  { syntax: 'has:media', example: 'has:media', meaning: 'posts with photos or video' },
  { syntax: 'is:reply', example: 'is:reply', meaning: 'replies only' },
];

/**
 * The operator of the term the caret is in, so that the help can point at it while the
 * query is typed; null for a plain word or outside any term.
 */
export function operatorAt(query: string, caret: number = query.length): Operator | null {
  let start = caret;
  while (start > 0 && !/\s/.test(query[start - 1] ?? '')) {
    start--;
  }
  let end = caret;
  while (end < query.length && !/\s/.test(query[end] ?? '')) {
    end++;
  }
  const term = query.slice(start, end);
  if (term === '') {
    return null;
  }
  return find(term);
}

function find(term: string): Operator | null {
  const byPrefix = (prefix: string) => OPERATORS.find((o) => o.syntax === prefix) ?? null;
  if (term === 'OR') {
    return byPrefix('OR');
  }
  if (term.startsWith('-') && term.length > 1) {
    return byPrefix('-');
  }
  if (term.startsWith('"') || term.startsWith('\u201C')) {
    return byPrefix('"phrase"');
  }
  if (term.startsWith('#')) {
    return byPrefix('#');
  }
  if (term.startsWith('@')) {
    return byPrefix('@');
  }
  const colon = term.indexOf(':');
  if (colon > 0) {
    const name = term.slice(0, colon + 1).toLowerCase();
    return OPERATORS.find((o) => o.syntax === name || o.syntax.startsWith(name)) ?? null;
  }
  return null;
}

/**
 * Where a search query problem points, from the 400 the API gives for a query that does
 * not parse (`position` counts characters of q from 1).
 */
export function queryErrorPosition(problem: { [member: string]: unknown }): number | null {
  return typeof problem.position === 'number' && problem.position >= 1 ? problem.position : null;
}
