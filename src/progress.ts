/**
 * What a batch tells the person running it: on a terminal, one progress line redrawn in place (done/total,
 * files/s, ETA, failures so far); otherwise one plain line per file; nothing with --quiet. And the summary at
 * the end: counts by status, the slowest files, and what was written where.
 */
import type { WalkProblem } from './inputs.js';
import type { Status } from './report/report.js';

export type ProgressMode = 'bar' | 'lines' | 'none';

/** Where a file's result came from. */
export type Origin = 'processed' | 'cached' | 'duplicate' | 'limit';

export type FileEvent = {
  readonly name: string;
  readonly status: Status;
  readonly error: string | null;
  readonly origin: Origin;
};

export type ProgressSettings = {
  /** Shortest time between two redraws of the bar, in ms. Default 100: smooth, and cheap over 10,000 files. */
  readonly redrawMs: number;
  /** Files the speed is measured over (the latest ones). Default 200: steady, yet follows a change of pace. */
  readonly rateWindow: number;
  /** Width of the bar itself, in characters. Default 24. */
  readonly barWidth: number;
  /** Width the whole line is cut to when the terminal's is unknown. Default 100. */
  readonly lineWidth: number;
};

export const DEFAULT_PROGRESS_SETTINGS: ProgressSettings = Object.freeze({ redrawMs: 100, rateWindow: 200, barWidth: 24, lineWidth: 100 });

export type ProgressOptions = {
  readonly mode: ProgressMode;
  readonly total: number;
  /** Writes text as is (the bar needs `\r` without a newline). */
  readonly write: (text: string) => void;
  readonly now?: () => number;
  /** Terminal width, when known. */
  readonly columns?: number;
  readonly settings?: Partial<ProgressSettings>;
};

/** `1:05:09`, `11:52` or `0:07`. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const [h, m, r] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(r).padStart(2, '0')}`;
}

export class Progress {
  private done = 0;
  private failed = 0;
  private lastDraw = -Infinity;
  private readonly times: number[] = [];
  private readonly settings: ProgressSettings;
  private readonly now: () => number;

  constructor(private readonly options: ProgressOptions) {
    this.settings = { ...DEFAULT_PROGRESS_SETTINGS, ...options.settings };
    this.now = options.now ?? Date.now;
  }

  /** One more file finished. */
  file(event: FileEvent): void {
    this.done += 1;
    if (event.status === 'failed') this.failed += 1;
    const t = this.now();
    this.times.push(t);
    if (this.times.length > this.settings.rateWindow) this.times.shift();
    if (this.options.mode === 'lines') this.options.write(`${fileLine(event, this.done, this.options.total)}\n`);
    if (this.options.mode === 'bar' && (t - this.lastDraw >= this.settings.redrawMs || this.done === this.options.total)) {
      this.lastDraw = t;
      this.options.write(`\r${this.barLine()}\x1b[K`);
    }
  }

  /** Clears the bar so the summary starts on a clean line. */
  end(): void {
    if (this.options.mode === 'bar' && this.lastDraw > -Infinity) this.options.write('\r\x1b[K');
  }

  /** Files per second over the latest files, or null before there is a measure. */
  rate(): number | null {
    const first = this.times[0];
    const last = this.times.at(-1);
    if (first === undefined || last === undefined || last <= first) return null;
    return ((this.times.length - 1) * 1000) / (last - first);
  }

  barLine(): string {
    const { total } = this.options;
    const { barWidth } = this.settings;
    const filled = total === 0 ? barWidth : Math.round((this.done / total) * barWidth);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`;
    const rate = this.rate();
    const speed = rate === null ? '' : ` ${rate.toFixed(1)} files/s ETA ${clock((total - this.done) / rate)}`;
    const failures = this.failed > 0 ? ` ${this.failed} failed` : '';
    const line = `${bar} ${this.done}/${total}${speed}${failures}`;
    return line.slice(0, Math.max(20, (this.options.columns ?? this.settings.lineWidth) - 1));
  }
}

/** `[3/120] ok county/某乡.pdf`, with the error of a failed file and a note for one taken from the cache. */
export function fileLine(event: FileEvent, index: number, total: number): string {
  const reason = event.error === null ? '' : `: ${event.error}`;
  const note = event.origin === 'cached' ? ' (cached)' : '';
  return `[${index}/${total}] ${event.status} ${event.name}${reason}${note}`;
}

export type Slowest = { readonly name: string; readonly ms: number };

export type SummaryInput = {
  readonly counts: Readonly<Record<Status, number>>;
  readonly total: number;
  readonly processed: number;
  /** Workers that read them (null when none ran). */
  readonly workers: number | null;
  readonly cached: number;
  readonly slowest: readonly Slowest[];
  readonly problems: readonly WalkProblem[];
  readonly outDir: string;
  /** Files written (relative to outDir), and the per-report files counted by folder. */
  readonly files: readonly string[];
  readonly folders: ReadonlyMap<string, number>;
};

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function summaryLines(s: SummaryInput): string[] {
  const byStatus = (Object.keys(s.counts) as Status[]).map((k) => `${s.counts[k]} ${k}`).join(', ');
  const by = s.workers === null ? '' : ` by ${s.workers} worker${s.workers === 1 ? '' : 's'}`;
  const lines = [`${s.total} files: ${byStatus} (${s.processed} read now${by}, ${s.cached} from the cache)`];
  if (s.slowest.length > 0) lines.push(`slowest: ${s.slowest.map((f) => `${f.name} ${seconds(f.ms)}`).join(', ')}`);
  for (const p of s.problems) lines.push(`skipped folder ${p.path}: ${p.reason}`);
  const top = s.files.filter((p) => !p.includes('/'));
  const grouped = new Map<string, number>();
  for (const p of s.files.filter((f) => f.includes('/'))) {
    const dir = p.slice(0, p.indexOf('/'));
    grouped.set(dir, (grouped.get(dir) ?? 0) + 1);
  }
  for (const [dir, n] of s.folders) grouped.set(dir, (grouped.get(dir) ?? 0) + n);
  const listed = [...top, ...[...grouped].filter(([, n]) => n > 0).map(([dir, n]) => `${dir}/ (${n} files)`)];
  lines.push(`wrote to ${s.outDir}: ${listed.join(', ')}`);
  return lines;
}

/** Keeps the `size` slowest files seen, slowest first. */
export class SlowestFiles {
  private readonly list: Slowest[] = [];
  constructor(private readonly size = 5) {}

  add(file: Slowest): void {
    if (this.list.length === this.size && file.ms <= (this.list.at(-1)?.ms ?? 0)) return;
    this.list.push(file);
    this.list.sort((a, b) => b.ms - a.ms);
    if (this.list.length > this.size) this.list.pop();
  }

  get(): readonly Slowest[] {
    return this.list;
  }
}
