import type { ApiEventDetail, ApiEventSource } from '../../src/serve/api-types.ts';
import { el, type Child } from './dom.ts';
import { readableDay } from './days.ts';
import {
  sourceFlags, type Sourcing,
  BASIS_LABELS, GEO_PRECISION_LABELS, INTER_LABELS, TIME_PRECISION_LABELS, evidenceLabel, typeColor,
} from './labels.ts';
import { excerptOffset, highlightSegments, safeHttpUrl, type Span } from './text-spans.ts';

export interface DetailPanel {
  showLoading(): void;
  show(detail: ApiEventDetail): void;
  showError(message: string): void;
  close(): void;
}

function fact(name: string, ...value: Child[]): HTMLElement[] {
  return [el('dt', { text: name }), el('dd', {}, value)];
}

function muted(text: string): HTMLElement {
  return el('span', { class: 'muted', text });
}

function actorFact(name: string | null, inter: number, assoc: string | null): Child[] {
  if (!name) return [muted('none named')];
  return [
    name,
    ' ', muted(`inter ${inter}: ${INTER_LABELS[inter] ?? 'unknown'}`),
    assoc ? el('div', { class: 'muted', text: `with ${assoc}` }) : null,
  ];
}

/** Text with the evidence spans as <mark> elements (text nodes only: article text is never markup). */
function highlighted(text: string, offset: number, spans: readonly Span[]): Node[] {
  let at = offset;
  return highlightSegments(text, offset, spans).map((segment) => {
    const start = at;
    at += segment.text.length;
    if (segment.fields.length === 0) return document.createTextNode(segment.text);
    return el('mark', {
      class: 'evidence',
      text: segment.text,
      title: segment.fields.map(evidenceLabel).join(', '),
      attrs: { 'data-field': segment.fields[0]!, 'data-fields': segment.fields.join(' '), 'data-start': String(start), 'data-end': String(at) },
    });
  });
}

/** The report's sentence inside its surrounding text, evidence highlighted. */
function sourceText(report: ApiEventSource): HTMLElement {
  const { sentence, evidence } = report;
  const offset = excerptOffset(report.article_text_excerpt, sentence);
  const quote = el('blockquote', { class: 'source-text' });
  if (offset === null) {
    quote.appendChild(el('span', { class: 'sentence' }, highlighted(sentence.text, sentence.start, evidence)));
    return quote;
  }
  const excerpt = report.article_text_excerpt;
  const from = sentence.start - offset;
  const to = from + sentence.text.length;
  // An excerpt cut inside a word starts at the next word.
  const skip = offset > 0 ? Math.min(from, (/^\S*\s+/.exec(excerpt)?.[0].length ?? 0)) : 0;
  const before = excerpt.slice(skip, from);
  const after = excerpt.slice(to);
  if (offset > 0) quote.appendChild(document.createTextNode('…'));
  quote.append(
    el('span', { class: 'context' }, highlighted(before, offset + skip, evidence)),
    el('span', { class: 'sentence' }, highlighted(sentence.text, sentence.start, evidence)),
    el('span', { class: 'context' }, highlighted(after, sentence.start + sentence.text.length, evidence)),
  );
  return quote;
}

function sourceCard(report: ApiEventSource): HTMLElement {
  const link = safeHttpUrl(report.url);
  const title = report.title ?? '(untitled)';
  const titleNode = link
    ? el('a', { class: 'source-title', text: title, attrs: { href: link, target: '_blank', rel: 'noopener noreferrer nofollow' } })
    : el('span', { class: 'source-title', text: title });
  const evidence = el('ul', { class: 'evidence-list' }, report.evidence.map((e) =>
    el('li', { attrs: { 'data-field': e.field } }, [el('span', { class: 'evidence-field', text: evidenceLabel(e.field) }), ` ${e.text}`])));
  return el('article', { class: 'source-card' }, [
    el('div', { class: 'source-head' }, [
      el('span', { class: 'outlet', text: report.source ?? 'unknown outlet' }),
      el('span', { class: 'muted', text: report.published ? readableDay(report.published) : 'undated' }),
    ]),
    titleNode,
    report.url && !link ? el('div', { class: 'source-url muted', text: report.url }) : null,
    link ? el('div', { class: 'source-url muted', text: link }) : null,
    el('div', { class: 'source-meta' }, [
      el('span', { text: `${report.fatalities} fatalities (${BASIS_LABELS[report.fatalities_basis] ?? report.fatalities_basis})` }),
      report.claimant ? el('span', { text: `claimed by ${report.claimant}` }) : null,
    ]),
    sourceText(report),
    report.evidence.length ? evidence : null,
  ]);
}

/** How the event is sourced: reports, independent outlets, who claims it, and the flags of the list. */
function sourcing(detail: ApiEventDetail & Sourcing): HTMLElement {
  const outlets = [...new Set(detail.sources.map((s) => s.source ?? 'unknown outlet'))];
  const claimants = [...new Set(detail.sources.map((s) => s.claimant).filter((c): c is string => Boolean(c)))];
  const reports = detail.source_count ?? detail.sources.length;
  const independent = detail.independent_outlets ?? outlets.length;
  return el('section', { class: 'sourcing', attrs: { 'data-affiliation': detail.source_affiliation ?? '' } }, [
    el('h3', { text: 'Sourcing' }),
    el('div', {}, [
      `${reports} report${reports === 1 ? '' : 's'} from ${independent} independent outlet${independent === 1 ? '' : 's'} (${outlets.join(', ')})`,
      ...sourceFlags(detail).map((f) => el('span', { class: `source-flag flag-${f.key}`, text: f.text, title: f.title })),
    ]),
    el('div', { class: 'muted', text: claimants.length ? `claimed by ${claimants.join('; ')}` : 'no claimant named' }),
  ]);
}

function disagreementList(detail: ApiEventDetail): HTMLElement | null {
  if (detail.disagreements.length === 0) return null;
  return el('section', { class: 'disagreements' }, [
    el('h3', { text: 'Sources disagree' }),
    el('ul', {}, detail.disagreements.map((d) => el('li', {}, [
      el('span', { class: 'evidence-field', text: evidenceLabel(d.field) }),
      ' ',
      d.values.map((v) => `${v.value ?? 'none'} (${v.sources.join(', ')})`).join(' vs '),
    ]))),
  ]);
}

export function createDetailPanel(container: HTMLElement, onClose: () => void): DetailPanel {
  const closeButton = el('button', { class: 'close', text: '×', title: 'Close', attrs: { type: 'button', 'aria-label': 'Close event detail' } });
  closeButton.addEventListener('click', onClose);
  const body = el('div', { class: 'detail-body' });
  const heading = el('div', { class: 'detail-title' });
  container.append(el('div', { class: 'detail-head' }, [heading, closeButton]), body);

  const open = () => { container.hidden = false; };
  return {
    showLoading() {
      open();
      heading.replaceChildren(el('span', { text: 'Loading…' }));
      body.replaceChildren();
    },
    showError(message) {
      open();
      heading.replaceChildren(el('span', { text: 'Event not available' }));
      body.replaceChildren(el('p', { class: 'error', text: message }));
    },
    show(detail) {
      open();
      const chip = el('span', { class: 'type-chip', text: detail.event_type ?? detail.plover_event });
      chip.style.background = typeColor(detail.event_type);
      heading.replaceChildren(chip, el('div', { class: 'detail-subtype', text: detail.sub_event_type ?? detail.plover_event }));
      const place = [detail.location, detail.admin2, detail.admin1, detail.country].filter((p, i, all) => p && all.indexOf(p) === i).join(', ');
      const coded = el('dl', { class: 'facts' }, [
        ...fact('Date', detail.event_date ? readableDay(detail.event_date) : 'undated',
          detail.time_precision ? muted(` precision ${detail.time_precision}: ${TIME_PRECISION_LABELS[detail.time_precision]}`) : null),
        ...fact('PLOVER', detail.plover_event, detail.mode ? muted(` mode ${detail.mode}`) : null,
          detail.context.length ? muted(` · ${detail.context.join(', ')}`) : null),
        ...fact('Actor 1', ...actorFact(detail.actor1, detail.inter1, detail.assoc_actor_1)),
        ...fact('Actor 2', ...actorFact(detail.actor2, detail.inter2, detail.assoc_actor_2)),
        ...fact('Interaction', String(detail.interaction)),
        ...fact('Place', place || 'unknown',
          detail.geo_precision ? el('div', { class: 'muted', text: `geo precision ${detail.geo_precision}: ${GEO_PRECISION_LABELS[detail.geo_precision]}` }) : null,
          detail.latitude !== null && detail.longitude !== null
            ? el('div', { class: 'muted', text: `${detail.latitude.toFixed(4)}, ${detail.longitude.toFixed(4)}` }) : muted(' not on the map'),
          detail.location_reason ? el('details', { class: 'reason' }, [el('summary', { text: 'why this place' }), el('p', { text: detail.location_reason })]) : null),
        ...fact('Fatalities', String(detail.fatalities), muted(` ${BASIS_LABELS[detail.fatalities_basis] ?? detail.fatalities_basis}`),
          detail.injured > 0 ? muted(` · ${detail.injured} injured`) : null),
        ...fact('Claimant', detail.claimant ?? muted('none named')),
        ...fact('Confidence', confidenceMeter(detail.confidence)),
      ]);
      body.replaceChildren(
        coded,
        sourcing(detail),
        disagreementList(detail) ?? '',
        el('h3', { text: `Reported by ${detail.sources.length} source${detail.sources.length === 1 ? '' : 's'}` }),
        ...detail.sources.map(sourceCard),
      );
      body.scrollTop = 0;
    },
    close() {
      container.hidden = true;
    },
  };
}

function confidenceMeter(confidence: number): HTMLElement {
  const fill = el('span', { class: 'meter-fill' });
  fill.style.width = `${Math.round(confidence * 100)}%`;
  return el('span', { class: 'meter-wrap' }, [el('span', { class: 'meter' }, [fill]), ` ${confidence.toFixed(2)}`]);
}
