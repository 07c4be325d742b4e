/** The library API: `import { extractReport } from 'nianbao'`. Only re-exports. */
export { extractReport, type ExtractOptions } from './extract-report.js';
export { analyzeDocument } from './analyze.js';
export { documentText } from './document-text.js';
export { runBatch, type BatchOptions, type BatchResult } from './pipeline.js';
export { extractDocument, sniffFormat } from './extract/index.js';
export { buildTables } from './tables/index.js';
export { recognizeTables, type Recognition } from './report/recognize.js';
export { runChecks } from './report/checks.js';
export { INDICATORS, computeIndicators, type Indicator, type IndicatorKey } from './report/indicators.js';
export { writeOutputs, type WriteOptions } from './output/index.js';
export {
  NianbaoError,
  EncryptedFileError,
  InvalidFileError,
  WrongFormatError,
  EmptyFileError,
  FileTooLargeError,
  TimeoutError,
  NoTextError,
  UnsupportedFormatError,
  isNianbaoError,
  type ErrorCode,
} from './errors.js';
export { FLAG_CODES, type FlagCode, type Message, type Severity, type Where } from './report/flags.js';
export {
  TABLE_IDS,
  type CheckResult,
  type CheckStatus,
  type GenericTable,
  type KeyedCell,
  type Layout,
  type Provenance,
  type Report,
  type ReportMeta,
  type SourceInfo,
  type Status,
  type TableId,
  type Unit,
} from './report/report.js';
export type { Document, Format, Page, Block, Paragraph, TableBlock, Word, Ruling, Box } from './extract/document.js';
export type { Table, Cell, TableMethod, TableQuality } from './tables/table.js';
