/** The library API: `import { extractReport } from 'nianbao'`. Only re-exports. */
export { extractReport, type ExtractOptions } from './extract-report.js';
export { analyzeDocument } from './analyze.js';
export {
  documentText,
  documentParagraphs,
  DEFAULT_DOCUMENT_TEXT_SETTINGS,
  type DocumentTextSettings,
} from './document-text.js';
export { runBatch, type BatchOptions, type BatchResult } from './pipeline.js';
export { extractDocument, sniffFormat } from './extract/index.js';

// The tables stage and its settings (each `resolve…Settings` throws SettingsError for an invalid value).
export { buildTables, DEFAULT_TABLES_STAGE_SETTINGS, type TablesStageSettings } from './tables/index.js';
export {
  DEFAULT_TABLE_SETTINGS,
  DEFAULT_STITCH_SETTINGS,
  TABLE_STRATEGIES,
  resolveTableSettings,
  resolveStitchSettings,
  type TableSettings,
  type StitchSettings,
  type TableStrategy,
} from './tables/settings.js';
export { DEFAULT_TEXT_GRID_SETTINGS, type TextGridSettings } from './tables/text-grid.js';
export {
  flattenHeader,
  genericTables,
  uniqueNames,
  DEFAULT_HEADER_SETTINGS,
  resolveHeaderSettings,
  type FlatTable,
  type HeaderRows,
  type HeaderSettings,
} from './tables/header.js';

// Recognition, the domain data it asks, checks and indicators.
export {
  recognizeTables,
  DEFAULT_RECOGNIZE_SETTINGS,
  type Recognition,
  type RecognizeOptions,
  type RecognizeSettings,
} from './report/recognize.js';
export {
  TABLES,
  layoutCells,
  rowDef,
  columnDef,
  unitOf,
  allColumnKeys,
  type CellSpec,
  type ColumnDef,
  type RowDef,
  type TableDef,
  type ValueKind,
} from './report/layouts.js';
export { RELATIONS, type Relation, type RelationId, type RelationScope } from './report/relations.js';
export { runChecks } from './report/checks.js';
export { deriveCells } from './report/derive.js';
export { yearOverYearChecks, type YearReport } from './report/year-over-year.js';
export { INDICATORS, computeIndicators, type Indicator, type IndicatorKey } from './report/indicators.js';
export { normalizeCellValue, type NormalizedValue, type NormalizeOptions } from './normalize/values.js';
export { DEFAULT_MONEY_SETTINGS, type MoneySettings, type MoneyUnit } from './normalize/units.js';
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
  SettingsError,
  isNianbaoError,
  type ErrorCode,
  type ErrorOptions,
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
