import type { Article, IngestProblem, IngestResult } from '../../ingest/types.ts';

/** The article dated by `date` when it gives no date itself (--date); a date the document gives is never overridden. */
export function withDate(article: Article, date: string | undefined): Article {
  return article.published || !date ? article : { ...article, published: date };
}

/** The article of a read result, dated by `date` when it gives no date itself; null for a problem. */
export function datedArticle(result: IngestResult, date: string | undefined): Article | null {
  return result.ok ? withDate(result.article, date) : null;
}

/** Where a problem is: `file:line (field f)`. */
export function problemLocation(problem: IngestProblem): string {
  const where = problem.line !== null ? `${problem.origin}:${problem.line}` : problem.origin;
  return `${where}${problem.field ? ` (field ${problem.field})` : ''}`;
}

export function describeProblem(problem: IngestProblem): string {
  return `${problemLocation(problem)}: ${problem.reason}`;
}
