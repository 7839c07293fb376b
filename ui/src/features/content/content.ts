// The content calendar's front-end logic: form drafts, filters, calendar
// entries and what a drag means. Pure functions, tested in content.test.ts.
import { addMinutes } from '../../lib/dates';
import type { ContentInput, ContentItem, ContentKind, ContentStatus, EffortDefault } from '../../lib/ipc/types';
import { splitTags } from '../../lib/format';

/** Kind names as menus show them. */
export const KIND_LABELS: Record<ContentKind, string> = {
  blog_post: 'Blog post',
  tutorial: 'Tutorial',
  video: 'Video',
  docs_page: 'Docs page',
  newsletter: 'Newsletter',
  podcast: 'Podcast',
  sample_app: 'Sample app',
  social_thread: 'Social thread',
};

/** The content form's fields: blanks as '', numbers as null while empty. */
export type ContentDraft = Omit<
  ContentInput,
  'owner_id' | 'due_on' | 'publish_at' | 'timezone' | 'tags' | 'event_id' | 'talk_id'
> & {
  owner_id: string;
  due_on: string;
  /** `datetime-local` precision: `YYYY-MM-DDTHH:MM`. */
  publish_at: string;
  timezone: string;
  tags: string;
  event_id: string;
  talk_id: string;
};

export function contentDraft(item: ContentItem | null, preset: Partial<ContentDraft> = {}): ContentDraft {
  return {
    id: item?.id,
    title: item?.title ?? '',
    kind: item?.kind ?? 'blog_post',
    owner_id: item?.owner_id ?? '',
    channel: item?.channel ?? '',
    status: item?.status ?? 'idea',
    due_on: item?.due_on ?? '',
    publish_at: item?.publish_at?.slice(0, 16) ?? '',
    timezone: item?.timezone ?? '',
    effort_hours: item?.effort_custom ? item.effort_hours : null,
    finished_minutes: item?.finished_minutes ?? null,
    draft_url: item?.draft_url ?? '',
    published_url: item?.published_url ?? '',
    tags: item?.tags.join(', ') ?? '',
    event_id: item?.event_id ?? '',
    talk_id: item?.talk_id ?? '',
    notes: item?.notes ?? '',
    ...preset,
  };
}

/** What the backend receives: blanks become nulls; a publish time without a zone keeps none. */
export function contentInput(draft: ContentDraft): ContentInput {
  return {
    ...draft,
    owner_id: draft.owner_id || null,
    due_on: draft.due_on || null,
    publish_at: draft.publish_at ? `${draft.publish_at.slice(0, 16)}:00` : null,
    timezone: draft.publish_at ? draft.timezone || null : null,
    effort_hours: draft.effort_hours ?? null,
    finished_minutes: draft.finished_minutes || null,
    tags: splitTags(draft.tags),
    event_id: draft.event_id || null,
    talk_id: draft.talk_id || null,
  };
}

/** The hours a kind costs by default, as the backend computes it (a video by its length). */
export function defaultEffort(d: EffortDefault | undefined, finishedMinutes: number | null): number | null {
  if (!d) return null;
  if (d.hours_per_finished_minute !== null && finishedMinutes) {
    return Math.round(Math.max(d.hours, d.hours_per_finished_minute * finishedMinutes) * 4) / 4;
  }
  return d.hours;
}

export type ContentFilter = {
  query: string;
  personId: string;
  kind: ContentKind | '';
  status: ContentStatus | '';
  tag: string;
  overdueOnly: boolean;
};

export const NO_CONTENT_FILTER: ContentFilter = {
  query: '',
  personId: '',
  kind: '',
  status: '',
  tag: '',
  overdueOnly: false,
};

export function matchesContent(c: ContentItem, f: ContentFilter, overdue: ReadonlyMap<string, string>): boolean {
  if (f.personId && c.owner_id !== f.personId) return false;
  if (f.kind && c.kind !== f.kind) return false;
  if (f.status && c.status !== f.status) return false;
  if (f.tag && !c.tags.includes(f.tag)) return false;
  if (f.overdueOnly && !overdue.has(c.id)) return false;
  const q = f.query.trim().toLowerCase();
  return !q || c.title.toLowerCase().includes(q) || c.channel.toLowerCase().includes(q);
}

/** Every tag in use, alphabetically. */
export function tagsOf(items: readonly Pick<ContentItem, 'tags'>[]): string[] {
  return [...new Set(items.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b));
}

/** Which date of an item a calendar entry stands for. */
export type Which = 'due' | 'publish';

/** One entry on the calendar, in the shape @event-calendar parses. Times are floating wall-clock times. */
export type CalendarEntry = {
  id: string;
  title: string;
  start: string;
  end: string;
  allDay: boolean;
  classNames: string[];
  extendedProps: { itemId: string; which: Which };
};

/** A publish entry's length on the week grid, so that it is tall enough to grab. */
const PUBLISH_MINUTES = 45;

/**
 * An item's entries: its draft due day (all day) and its publish time, each
 * draggable on its own. Undated ideas have none.
 */
export function calendarEntries(c: ContentItem, overdue: boolean): CalendarEntry[] {
  const classes = [`kind-${c.kind}`, `status-${c.status}`, ...(overdue ? ['overdue'] : [])];
  const out: CalendarEntry[] = [];
  if (c.due_on) {
    out.push({
      id: `${c.id}:due`,
      title: c.title,
      start: c.due_on,
      end: c.due_on,
      allDay: true,
      classNames: [...classes, 'entry-due'],
      extendedProps: { itemId: c.id, which: 'due' },
    });
  }
  if (c.publish_at) {
    const start = c.publish_at.slice(0, 16);
    out.push({
      id: `${c.id}:publish`,
      title: c.title,
      start,
      end: addMinutes(start, PUBLISH_MINUTES),
      allDay: false,
      classNames: [...classes, 'entry-publish'],
      extendedProps: { itemId: c.id, which: 'publish' },
    });
  }
  return out;
}

/**
 * The item after one of its entries was dropped at `start` (a floating
 * `YYYY-MM-DDTHH:MM` or a date). A due day keeps only the date; a publish
 * entry dropped on a whole day keeps its time of day.
 */
export function moved(c: ContentItem, which: Which, start: string, allDay: boolean): ContentInput {
  const draft = contentDraft(c);
  const date = start.slice(0, 10);
  if (which === 'due') {
    draft.due_on = date;
  } else {
    const time = allDay || start.length < 16 ? draft.publish_at.slice(11, 16) : start.slice(11, 16);
    draft.publish_at = `${date}T${time}`;
  }
  return contentInput(draft);
}

/** The item moved to another status column, everything else kept. */
export function withStatus(c: ContentItem, status: ContentStatus): ContentInput {
  return contentInput({ ...contentDraft(c), status });
}

/** A Date the calendar gives back (UTC-based, since its zone is UTC) as a floating `YYYY-MM-DDTHH:MM`. */
export function floating(date: Date): string {
  return date.toISOString().slice(0, 16);
}
