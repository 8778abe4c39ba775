/**
 * The output formats of coded events (`sitrep code`, `sitrep export`, `GET /events`), apart from the formatters
 * so that the CLI's help can name them without loading them.
 */
export const EVENT_FORMATS = ['json', 'jsonl', 'csv', 'geojson'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];
