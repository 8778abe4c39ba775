/** Pure helpers of the detail panel: where the evidence spans fall in a piece of article text. */

export interface Span {
  field: string;
  /** Offsets in the article text. */
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  /** The evidence fields covering this piece, in span order; empty for plain text. */
  fields: string[];
}

/**
 * Cuts `text` (which starts at article offset `offset`) into pieces at every span boundary, each
 * piece naming the spans that cover it. Spans outside the text are ignored; overlapping spans share.
 */
export function highlightSegments(text: string, offset: number, spans: readonly Span[]): Segment[] {
  const inside = spans
    .map((s) => ({ field: s.field, start: Math.max(0, s.start - offset), end: Math.min(text.length, s.end - offset) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, text.length]);
  for (const s of inside) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const fields = [...new Set(inside.filter((s) => s.start <= from && s.end >= to).map((s) => s.field))];
    const last = segments[segments.length - 1];
    if (last && last.fields.length === 0 && fields.length === 0) last.text += text.slice(from, to);
    else segments.push({ text: text.slice(from, to), fields });
  }
  return segments;
}

/**
 * Where an excerpt starts in the article, found from the sentence it contains (the API gives the
 * sentence's offsets, not the excerpt's); null when the sentence is not in it.
 */
export function excerptOffset(excerpt: string, sentence: { start: number; text: string }): number | null {
  const at = excerpt.indexOf(sentence.text);
  return at < 0 ? null : sentence.start - at;
}

/** A URL worth linking to: http(s) only, normalised; anything else (javascript:, data:, junk) is null. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
