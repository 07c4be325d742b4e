/**
 * `datapackage.json`: a Frictionless Data Package (v1) describing every CSV of a run — field
 * names in file order, types, descriptions and units — so pandas, R or frictionless-py can load them typed.
 */
import { CSV_DIALECT, type CsvResource, type Field } from './csv.js';
import { REPORTS_JSONL_PATH } from './reports-jsonl.js';

export const DATAPACKAGE_PATH = 'datapackage.json';

export type PackageInfo = {
  /** nianbao's version, recorded so users know which rules produced the data. */
  readonly nianbaoVersion: string;
};

function fieldJson(f: Field): Record<string, unknown> {
  return {
    name: f.name,
    type: f.type,
    ...(f.type === 'date' ? { format: 'default' } : {}),
    description: f.description,
    ...(f.unit === undefined ? {} : { unit: f.unit }),
    ...(f.enum === undefined ? {} : { constraints: { enum: f.enum } }),
  };
}

function resourceJson(r: CsvResource): Record<string, unknown> {
  return {
    name: r.name,
    path: r.path,
    profile: 'tabular-data-resource',
    title: r.title,
    description: r.description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: CSV_DIALECT,
    schema: {
      fields: r.fields.map(fieldJson),
      missingValues: [''],
      ...(r.primaryKey === undefined ? {} : { primaryKey: r.primaryKey }),
    },
  };
}

const JSONL_RESOURCE = {
  name: 'reports-jsonl',
  path: REPORTS_JSONL_PATH,
  profile: 'data-resource',
  title: 'Reports (everything, nested)',
  description: 'One JSON object per line and report: metadata, layouts, cells, checks, messages, indicators, generic tables and text',
  format: 'jsonl',
  mediatype: 'application/x-ndjson',
  encoding: 'utf-8',
};

/** The package as JSON text (two-space indent, ending in a newline). */
export function datapackageJson(resources: readonly CsvResource[], info: PackageInfo): string {
  const pkg = {
    // Not 'tabular-data-package': reports.jsonl is described too, and it is no table.
    profile: 'data-package',
    name: 'nianbao-output',
    title: 'nianbao extraction',
    description: 'Tables of Chinese government information-disclosure annual reports (政府信息公开工作年度报告), extracted by nianbao',
    nianbao_version: info.nianbaoVersion,
    resources: [...resources.map(resourceJson), JSONL_RESOURCE],
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
