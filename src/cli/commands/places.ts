import type { Command } from 'commander';
import { PLACE_FORMATS } from '../../serve/format-places.ts';
import type { PlacesOptions } from '../actions/places.ts';
import { addLimitOptions, formatOption } from '../shared/options.ts';

export function registerPlaces(program: Command): void {
  addLimitOptions(program
    .command('places')
    .description('Print every place mention of the articles (files or directories), resolved: offsets, name, point, country, feature, precision, reason')
    .argument('<paths...>', 'text, Markdown, HTML, JSONL or RSS/Atom files, or directories of them')
    .addOption(formatOption(PLACE_FORMATS, 'jsonl')))
    .action(async (paths: string[], options: PlacesOptions) => (await import('../actions/places.ts')).places(paths, options));
}
