import { el, svg } from './dom.ts';
import { dayNumber, dayString, readableDay } from './days.ts';
import { slotOf, timeSlots, type Slot } from './time-axis.ts';

export interface DateRange {
  from: string;
  to: string;
}

export interface Timeline {
  /**
   * Sets the days and their event counts (of the events the other filters show); a chosen range is kept
   * where the new days still cover it, else the selection becomes the whole span.
   */
  setDays(byDay: { date: string; count: number }[]): void;
  /** The chosen range, or null when it is the whole span (then undated events are shown too). */
  range(): DateRange | null;
  /** Chooses a range (from a link), without calling back. */
  setRange(range: DateRange | null): void;
}

const HISTOGRAM_HEIGHT = 56;
/** Half the slider thumb's width: the thumbs' centres run from this inset to the width minus it. */
const THUMB_INSET = 8;

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** How long a quiet gap was: "5 months", "3 years". */
function gapLength(days: number): string {
  if (days >= 730) return `${Math.round(days / 365)} years`;
  if (days >= 60) return `${Math.round(days / 30.4)} months`;
  return `${days} days`;
}

/** Axis labels on the slots: a year or month where one starts, else every few days; one at each stretch's start. */
function axisTicks(slots: readonly Slot[]): { index: number; label: string }[] {
  const ticks: { index: number; label: string }[] = [];
  const step = Math.max(1, Math.ceil(slots.length / 9));
  let lastTick = -Infinity;
  slots.forEach((slot, index) => {
    if (slot.gap) return;
    const date = dayString(slot.day);
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const stretchStart = index === 0 || slots[index - 1]!.gap;
    const label = stretchStart ? readableDay(date)
      : day === 1 && month === 1 ? String(year)
        : day === 1 && slots.length > 45 ? MONTH_NAMES[month - 1]!
          : slots.length <= 45 && index - lastTick >= step ? readableDay(date).replace(/ \d{4}$/, '') : null;
    if (!label || index - lastTick < Math.max(2, step / 2)) return;
    ticks.push({ index, label });
    lastTick = index;
  });
  return ticks;
}

/**
 * A per-day histogram over an axis whose quiet gaps are drawn as breaks, with a two-handle date range
 * slider (keyboard) and a brush: dragging across the histogram chooses the days it covers.
 */
export function createTimeline(container: HTMLElement, onChange: (range: DateRange | null) => void): Timeline {
  let counts = new Map<number, number>();
  let slots: Slot[] = [];

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

  const lastIndex = () => Math.max(0, slots.length - 1);
  const values = () => ({ from: Number(fromInput.value), to: Number(toInput.value) });
  const whole = () => {
    const { from, to } = values();
    return from <= 0 && to >= lastIndex();
  };
  const width = () => track.clientWidth - 2 * THUMB_INSET;
  const x = (index: number) => THUMB_INSET + (index / Math.max(1, lastIndex())) * width();
  const indexAt = (clientX: number) => {
    const left = track.getBoundingClientRect().left;
    return Math.max(0, Math.min(lastIndex(), Math.round(((clientX - left - THUMB_INSET) / Math.max(1, width())) * lastIndex())));
  };

  function draw(): void {
    const { from, to } = values();
    const max = Math.max(1, ...counts.values());
    const barWidth = Math.max(3, Math.min(14, width() / (slots.length || 1) - 1));
    chart.replaceChildren(svg('line', { x1: 0, x2: track.clientWidth, y1: HISTOGRAM_HEIGHT - 0.5, y2: HISTOGRAM_HEIGHT - 0.5, class: 'baseline' }));
    slots.forEach((slot, index) => {
      if (slot.gap) {
        const mark = svg('g', { class: 'gap' });
        mark.appendChild(svg('line', { x1: x(index) - 3, x2: x(index) + 1, y1: HISTOGRAM_HEIGHT - 14, y2: HISTOGRAM_HEIGHT + 2 }));
        mark.appendChild(svg('line', { x1: x(index) + 1, x2: x(index) + 5, y1: HISTOGRAM_HEIGHT - 14, y2: HISTOGRAM_HEIGHT + 2 }));
        mark.appendChild(svg('title')).textContent = `${gapLength(slot.last - slot.day + 1)} without events (${readableDay(dayString(slot.day))} – ${readableDay(dayString(slot.last))})`;
        chart.appendChild(mark);
        return;
      }
      const count = counts.get(slot.day) ?? 0;
      if (count === 0) return;
      const height = Math.max(3, (count / max) * (HISTOGRAM_HEIGHT - 6));
      const bar = svg('rect', {
        x: x(index) - barWidth / 2, y: HISTOGRAM_HEIGHT - height, width: barWidth, height,
        class: index >= from && index <= to ? 'bar in' : 'bar', 'data-date': dayString(slot.day), 'data-count': count,
      });
      bar.appendChild(svg('title')).textContent = `${readableDay(dayString(slot.day))}: ${count} event${count === 1 ? '' : 's'}`;
      chart.appendChild(bar);
    });
    chart.setAttribute('width', String(track.clientWidth));
    axis.replaceChildren(...axisTicks(slots).map((tick) => {
      const text = el('span', { class: 'axis-tick', text: tick.label });
      text.style.left = `${x(tick.index)}px`;
      return text;
    }));
    selection.style.left = `${x(from)}px`;
    selection.style.width = `${Math.max(0, x(to) - x(from))}px`;
    const chosen = timeline.range();
    label.textContent = slots.length === 0 ? 'no dated events'
      : !chosen ? `${readableDay(dayString(slots[0]!.day))} – ${readableDay(dayString(slots[lastIndex()]!.last))} (all dates)`
        : `${readableDay(chosen.from)} – ${readableDay(chosen.to)}`;
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
    fromInput.value = '0';
    toInput.value = String(lastIndex());
    draw();
    changed();
  });

  // Brushing: press on the histogram, drag across the days wanted, release.
  let brushStart: number | null = null;
  chart.addEventListener('pointerdown', (event) => {
    if (slots.length === 0) return;
    brushStart = indexAt(event.clientX);
    chart.setPointerCapture(event.pointerId);
    fromInput.value = toInput.value = String(brushStart);
    draw();
  });
  chart.addEventListener('pointermove', (event) => {
    if (brushStart === null) return;
    const here = indexAt(event.clientX);
    fromInput.value = String(Math.min(brushStart, here));
    toInput.value = String(Math.max(brushStart, here));
    draw();
  });
  const endBrush = () => {
    if (brushStart === null) return;
    brushStart = null;
    changed();
  };
  chart.addEventListener('pointerup', endBrush);
  chart.addEventListener('pointercancel', endBrush);
  new ResizeObserver(() => draw()).observe(track);

  const place = (range: DateRange | null) => {
    if (!range || slots.length === 0) {
      fromInput.value = '0';
      toInput.value = String(lastIndex());
      return;
    }
    fromInput.value = String(Math.max(0, slotOf(slots, dayNumber(range.from))));
    toInput.value = String(Math.max(Number(fromInput.value), slotOf(slots, dayNumber(range.to))));
  };

  const timeline: Timeline = {
    setDays(byDay) {
      const kept = timeline.range();
      const days = byDay.map((d) => ({ day: dayNumber(d.date), count: d.count })).filter((d) => Number.isFinite(d.day));
      counts = new Map(days.map((d) => [d.day, d.count]));
      slots = timeSlots(days.map((d) => d.day));
      for (const input of [fromInput, toInput]) {
        input.min = '0';
        input.max = String(lastIndex());
        input.disabled = slots.length === 0;
      }
      place(kept);
      draw();
    },
    range() {
      if (slots.length === 0 || whole()) return null;
      const { from, to } = values();
      return { from: dayString(slots[from]!.day), to: dayString(slots[to]!.last) };
    },
    setRange(range) {
      place(range);
      draw();
    },
  };
  return timeline;
}
