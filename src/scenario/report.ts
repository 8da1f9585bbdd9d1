/** Collects the diagnostics of one file, located by offset or by value path. */
import type { Document } from 'yaml';
import { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode, type Severity } from './diagnostics.ts';
import { LineIndex, locatePath, type Located, type PathSegment } from './positions.ts';

/** Past this many, further problems are counted but not listed: nobody reads the 5,000th. */
export const MAX_DIAGNOSTICS = 200;

export interface ReportOptions {
  hint?: string | undefined;
  severity?: Severity;
  /** Point at the key named by the last path segment rather than its value. */
  key?: boolean;
}

/** Collects diagnostics for one file and turns offsets and value paths into lines and columns. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  readonly lines: LineIndex;
  private dropped = 0;
  private errors = 0;
  /** Rewrites value paths before they are located (see {@link Reporter.withPaths}). */
  private filePath: ((path: readonly PathSegment[]) => readonly PathSegment[]) | undefined;
  doc: Document | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
  }

  /** Reports a problem between two character offsets. */
  atOffset(code: DiagnosticCode, start: number, end: number, message: string, options: ReportOptions = {}): void {
    const severity = options.severity ?? DIAGNOSTIC_CODES[code].severity;
    if (severity === 'error') this.errors++;
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) {
      this.dropped++;
      return;
    }
    const span = this.lines.span(start, end);
    const diagnostic: Diagnostic = { file: this.file, ...span, severity, code, message };
    if (options.hint) diagnostic.hint = options.hint;
    this.diagnostics.push(diagnostic);
  }

  /** Reports a problem at a value path in the parsed document (the top of the file if there is none). */
  atPath(code: DiagnosticCode, path: readonly PathSegment[], message: string, options: ReportOptions = {}): void {
    // Locating costs a walk of the document; past the cap only the count matters.
    if (this.diagnostics.length >= MAX_DIAGNOSTICS) {
      this.atOffset(code, 0, 0, message, options);
      return;
    }
    const where = this.locate(path, options.key ?? false);
    this.atOffset(code, where.start, where.end, message, options);
  }

  /** The line a value path starts on, for hints such as "first used on line 12". */
  lineOf(path: readonly PathSegment[]): number {
    return this.lines.position(this.locate(path, false).start).line;
  }

  private locate(path: readonly PathSegment[], key: boolean): Located {
    const filePath = this.filePath?.(path) ?? path;
    if (this.doc) return locatePath(this.doc, filePath, { key });
    return { start: 0, end: 0 };
  }

  /**
   * Runs `check` with its value paths turned into the file's by `filePath`: for checks
   * that read only the items of a broken scenario that parsed, whose positions in the
   * lists differ from the file's.
   */
  withPaths(filePath: (path: readonly PathSegment[]) => readonly PathSegment[], check: () => void): void {
    const outer = this.filePath;
    this.filePath = filePath;
    try {
      check();
    } finally {
      this.filePath = outer;
    }
  }

  /** True once the listing cap is reached: further problems are only counted. */
  get full(): boolean {
    return this.diagnostics.length >= MAX_DIAGNOSTICS;
  }

  /** How many errors were reported, including any past the listing cap. */
  get errorCount(): number {
    return this.errors;
  }

  /** The diagnostics in file order, with a note if some were left out. */
  finish(): Diagnostic[] {
    const sorted = [...this.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
    if (this.dropped > 0) {
      sorted.push({
        file: this.file,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity: 'info',
        code: 'BR090',
        message: `${this.dropped} more problems were found but not listed`,
        hint: 'fix the ones above first; many of the rest are often the same mistake',
      });
    }
    return sorted;
  }
}
