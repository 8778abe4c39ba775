import type { Command } from 'commander';
import type { GazetteerImportOptions } from '../actions/gazetteer.ts';

export function registerGazetteer(program: Command): void {
  const gazetteer = program.command('gazetteer').description('Manage the gazetteer that places events');
  gazetteer
    .command('import')
    .description('Add a GeoNames dump (19-column format: allCountries.txt, SY.txt, ...) to the gazetteer')
    .argument('<file>', 'GeoNames dump')
    .option('--alternate-names <file>', "GeoNames alternateNames file: more spellings of the dump's places")
    .option('--database <file>', 'SQLite file to import into (default: gazetteer-imports.sqlite in the gazetteer directory, data/build/ or $SITREP_GAZETTEER_DIR)')
    .action(async (file: string, options: GazetteerImportOptions) => (await import('../actions/gazetteer.ts')).importGazetteer(file, options));
}
