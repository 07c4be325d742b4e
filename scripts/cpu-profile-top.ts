/**
 * The hot functions of a V8 CPU profile (`node --cpu-prof`): self time per function, and total (inclusive) time
 * per source file, so a profile of the pipeline shows at a glance whether pdf.js or our code holds the time.
 *
 * Run: npx tsx scripts/cpu-profile-top.ts PROFILE.cpuprofile [--top N]
 */
import { readFileSync } from 'node:fs';

type CallFrame = { readonly functionName: string; readonly url: string; readonly lineNumber: number };
type ProfileNode = { readonly id: number; readonly callFrame: CallFrame; readonly children?: readonly number[] };
type Profile = { readonly nodes: readonly ProfileNode[]; readonly samples: readonly number[]; readonly timeDeltas: readonly number[] };

const DEFAULT_TOP = 40;

function shortUrl(url: string): string {
  const at = url.search(/\/(src|dist|node_modules)\//);
  return at >= 0 ? url.slice(at + 1) : url || '(native)';
}

function frameName(f: CallFrame): string {
  return `${f.functionName || '(anonymous)'}  ${shortUrl(f.url)}:${f.lineNumber + 1}`;
}

/** Milliseconds of samples that landed in each node (its self time). */
function selfTimes(p: Profile): Map<number, number> {
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  return self;
}

/** Inclusive time per key: a node's time counts once for each distinct key on its stack. */
function inclusiveBy(p: Profile, self: ReadonlyMap<number, number>, key: (f: CallFrame) => string): Map<string, number> {
  const byId = new Map(p.nodes.map((n) => [n.id, n] as const));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out = new Map<string, number>();
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      out.set(k, (out.get(k) ?? 0) + ms);
    }
  }
  return out;
}

function printTop(title: string, entries: Map<string, number>, top: number, total: number): void {
  console.log(`\n${title}`);
  const sorted = [...entries].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [name, ms] of sorted) console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
}

function main(): void {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : DEFAULT_TOP;
  const file = args[0];
  if (file === undefined) throw new Error('usage: cpu-profile-top.ts PROFILE.cpuprofile [--top N]');
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const self = selfTimes(p);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byNode = new Map(p.nodes.map((n) => [n.id, n] as const));
  const selfByName = new Map<string, number>();
  for (const [id, ms] of self) {
    const name = frameName(byNode.get(id)!.callFrame);
    selfByName.set(name, (selfByName.get(name) ?? 0) + ms);
  }
  console.log(`total sampled: ${total.toFixed(0)} ms`);
  printTop('self time by function', selfByName, top, total);
  printTop('inclusive time by function', inclusiveBy(p, self, frameName), top, total);
  printTop('inclusive time by file', inclusiveBy(p, self, (f) => shortUrl(f.url)), top, total);
}

main();
