import { el, svg } from './dom.ts';
import { dayNumber, dayString, readableDay } from './days.ts';

export interface DateRange {
  from: string;
  to: string;
}

export interface Timeline {
  /** Sets the days and their event counts (GET /stats by_day); the selection becomes the whole span. */
  setDays(byDay: { date: string; count: number }[]): void;
  /** The chosen range, or null when it is the whole span (then undated events are shown too). */
  range(): DateRange | null;
}

const HISTOGRAM_HEIGHT = 56;
/** Half the slider thumb's width: the thumbs' centres run from this inset to the width minus it. */
const THUMB_INSET = 8;

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Axis labels: years over long spans, months over a season or more, else every few days. */
function axisTicks(first: number, last: number): { day: number; label: string }[] {
  const span = last - first;
  const ticks: { day: number; label: string }[] = [];
  const [startYear, startMonth] = dayString(first).split('-').map(Number) as [number, number];
  if (span > 540) {
    for (let year = startYear + 1; dayNumber(`${year}-01-01`) <= last; year++) ticks.push({ day: dayNumber(`${year}-01-01`), label: String(year) });
  } else if (span > 45) {
    for (let m = startMonth; ; m++) {
      const year = startYear + Math.floor(m / 12);
      const month = m % 12;
      const day = dayNumber(`${year}-${String(month + 1).padStart(2, '0')}-01`);
      if (day > last) break;
      if (day >= first) ticks.push({ day, label: month === 0 ? String(year) : MONTH_NAMES[month]! });
    }
  } else {
    const step = Math.max(1, Math.ceil(span / 8));
    for (let day = first; day <= last; day += step) ticks.push({ day, label: readableDay(dayString(day)).replace(/ \d{4}$/, '') });
  }
  return ticks;
}

/** A per-day histogram with a two-handle date range slider over it. */
export function createTimeline(container: HTMLElement, onChange: (range: DateRange | null) => void): Timeline {
  let days: { day: number; count: number }[] = [];
  let first = 0;
  let last = 0;

  const chart = svg('svg', { class: 'histogram', height: HISTOGRAM_HEIGHT, 'aria-hidden': 'true' });
  const selection = el('div', { class: 'range-selection' });
  const fromInput = el('input', { class: 'range-input range-from', attrs: { type: 'range', 'aria-label': 'From date', step: '1' } });
  const toInput = el('input', { class: 'range-input range-to', attrs: { type: 'range', 'aria-label': 'To date', step: '1' } });
  const label = el('span', { class: 'range-label' });
  const reset = el('button', { class: 'button-quiet', text: 'All dates', attrs: { type: 'button' } });
  const axis = el('div', { class: 'timeline-axis' });
  const track = el('div', { class: 'timeline-track' }, [chart, selection, fromInput, toInput]);
  container.append(
    el('div', { class: 'timeline-head' }, [el('h2', { text: 'Timeline' }), label, reset]),
    track,
    axis,
  );

  const values = () => ({ from: Number(fromInput.value), to: Number(toInput.value) });
  const whole = () => {
    const { from, to } = values();
    return from <= first && to >= last;
  };

  function draw(): void {
    const width = track.clientWidth - 2 * THUMB_INSET;
    const { from, to } = values();
    const span = Math.max(1, last - first);
    const x = (day: number) => THUMB_INSET + ((day - first) / span) * width;
    const max = Math.max(1, ...days.map((d) => d.count));
    const barWidth = Math.max(3, Math.min(14, width / (span + 1) - 1));
    chart.replaceChildren(svg('line', { x1: 0, x2: track.clientWidth, y1: HISTOGRAM_HEIGHT - 0.5, y2: HISTOGRAM_HEIGHT - 0.5, class: 'baseline' }));
    for (const d of days) {
      const height = Math.max(3, (d.count / max) * (HISTOGRAM_HEIGHT - 6));
      const bar = svg('rect', {
        x: x(d.day) - barWidth / 2, y: HISTOGRAM_HEIGHT - height, width: barWidth, height,
        class: d.day >= from && d.day <= to ? 'bar in' : 'bar',
      });
      bar.appendChild(svg('title')).textContent = `${readableDay(dayString(d.day))}: ${d.count} event${d.count === 1 ? '' : 's'}`;
      chart.appendChild(bar);
    }
    chart.setAttribute('width', String(track.clientWidth));
    axis.replaceChildren(...(days.length ? axisTicks(first, last) : []).map((tick) => {
      const label = el('span', { class: 'axis-tick', text: tick.label });
      label.style.left = `${x(tick.day)}px`;
      return label;
    }));
    selection.style.left = `${x(from)}px`;
    selection.style.width = `${Math.max(0, x(to) - x(from))}px`;
    label.textContent = days.length === 0 ? 'no dated events'
      : whole() ? `${readableDay(dayString(first))} – ${readableDay(dayString(last))} (all dates)`
        : `${readableDay(dayString(from))} – ${readableDay(dayString(to))}`;
    reset.hidden = whole();
  }

  // The handles never cross: the one being moved stops at the other.
  fromInput.addEventListener('input', () => {
    if (Number(fromInput.value) > Number(toInput.value)) fromInput.value = toInput.value;
    draw();
  });
  toInput.addEventListener('input', () => {
    if (Number(toInput.value) < Number(fromInput.value)) toInput.value = fromInput.value;
    draw();
  });
  const changed = () => onChange(timeline.range());
  fromInput.addEventListener('change', changed);
  toInput.addEventListener('change', changed);
  reset.addEventListener('click', () => {
    fromInput.value = String(first);
    toInput.value = String(last);
    draw();
    changed();
  });
  new ResizeObserver(() => draw()).observe(track);

  const timeline: Timeline = {
    setDays(byDay) {
      days = byDay.map((d) => ({ day: dayNumber(d.date), count: d.count })).filter((d) => Number.isFinite(d.day)).sort((a, b) => a.day - b.day);
      first = days[0]?.day ?? 0;
      last = days[days.length - 1]?.day ?? 0;
      for (const input of [fromInput, toInput]) {
        input.min = String(first);
        input.max = String(last);
        input.disabled = days.length === 0;
      }
      fromInput.value = String(first);
      toInput.value = String(last);
      draw();
    },
    range() {
      if (days.length === 0 || whole()) return null;
      const { from, to } = values();
      return { from: dayString(from), to: dayString(to) };
    },
  };
  return timeline;
}
