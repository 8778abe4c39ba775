// Preloaded into a benchmarked child process (`node --import ./scripts/report-max-rss.mjs ...`): on exit it writes
// the process's peak resident memory (getrusage's ru_maxrss, in kB, worker threads included) to $SITREP_MAX_RSS_FILE.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const file = process.env.SITREP_MAX_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
