/** nianbao's version, read from package.json (one folder above both src/ and dist/). */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function nianbaoVersion(): string {
  if (cached === undefined) {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined;
    cached = typeof version === 'string' ? version : '0.0.0';
  }
  return cached;
}
