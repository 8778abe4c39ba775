// The compiled CLI's stand-in for the yaml package: scripts/build-cli.ts resolves every `import ... from 'yaml'` of the
// bundle to this module. Parsing the shipped YAML data files (lexicons, actors, countries, outlets) took about a third
// of a second at every start; the build parses them once, and `parse` answers the very same text from that result.
// Any other text (a data file changed since the build, a feed configuration) is parsed by the yaml package as before.
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';

export * from 'yaml';

/** Defined by the build: a JSON object of the JSON of each shipped YAML file, by the SHA-1 of its text. */
declare const SITREP_PREBUILT_YAML: string | undefined;

const PREBUILT = JSON.parse(typeof SITREP_PREBUILT_YAML === 'undefined' ? '{}' : SITREP_PREBUILT_YAML) as Record<string, string>;

export const parse = ((src: string, ...rest: unknown[]): unknown => {
  const json = rest.length === 0 ? PREBUILT[createHash('sha1').update(src).digest('base64')] : undefined;
  return json !== undefined ? JSON.parse(json) : (parseYaml as (...args: unknown[]) => unknown)(src, ...rest);
}) as typeof parseYaml;
