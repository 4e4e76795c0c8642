/**
 * Scenario sources and targets on disk: a JSON file or a folder of CSV tables. Sizes are checked
 * before reading (a huge file is refused without being loaded), and every file-system failure
 * becomes a CliError with a plain message instead of a stack trace.
 */
import { mkdir, readdir, readFile, rename, stat, writeFile, rm } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { idFromName } from '../core/io/csv-names';
import { MAX_JSON_BYTES } from '../core/io/safe-json';
import { scenarioFromJson, scenarioToJson } from '../core/io/scenario-json';
import { MAX_CSV_BYTES, scenarioFromCsvTables, scenarioToCsvTables } from '../core/io/scenario-csv';
import type { ModelIssue } from '../core/model/issue';
import type { Scenario } from '../core/model/types';
import { CliError } from './io';
import { isWorkbookPath, readXlsxSource } from './scenario-xlsx-files';

export type SourceKind = 'json' | 'csv' | 'xlsx';

export type ReadResult =
  | { readonly ok: true; readonly kind: SourceKind; readonly scenario: Scenario; readonly warnings: readonly ModelIssue[] }
  | { readonly ok: false; readonly kind: SourceKind; readonly issues: readonly ModelIssue[]; readonly warnings: readonly ModelIssue[] };

const TABLE_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

/** "no such file or directory" rather than "ENOENT: no such file or directory, open '/x'". */
export function describeFsError(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder';
    case 'ENOTDIR': return 'a part of the path is not a folder';
    case 'ENOSPC': return 'no space left on the device';
    case 'EROFS': return 'read-only file system';
    default: return e instanceof Error ? e.message : String(e);
  }
}

async function fsCall<T>(what: string, path: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw new CliError(`cannot ${what} ${path}: ${describeFsError(e)}`);
  }
}

/** Stat that says undefined for a missing path instead of throwing. */
async function statOrUndefined(path: string) {
  try {
    return await stat(path);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return undefined;
    throw new CliError(`cannot read ${path}: ${describeFsError(e)}`);
  }
}

async function readLimited(path: string, limit: number): Promise<string> {
  const info = await fsCall('read', path, () => stat(path));
  if (info.size > limit) {
    throw new CliError(`${path} is too large (${(info.size / 1048576).toFixed(1)} MB; the limit is ${limit / 1048576} MB)`);
  }
  return fsCall('read', path, () => readFile(path, 'utf8'));
}

/** Reads a scenario from a JSON file or from a folder of CSV tables (chosen by what the path is). */
export async function readScenarioSource(path: string): Promise<ReadResult> {
  const info = await fsCall('read', path, () => stat(path));
  if (info.isDirectory()) return readCsvFolder(path);
  if (isWorkbookPath(path)) return readXlsxSource(path);
  if (extname(path).toLowerCase() === '.csv') {
    throw new CliError(`${path} is a single CSV table; pass the folder that holds the scenario's tables (sites.csv, lanes.csv, …)`);
  }
  const loaded = scenarioFromJson(await readLimited(path, MAX_JSON_BYTES));
  return loaded.ok
    ? { ok: true, kind: 'json', scenario: loaded.scenario, warnings: [] }
    : { ok: false, kind: 'json', issues: loaded.issues, warnings: [] };
}

async function readCsvFolder(dir: string): Promise<ReadResult> {
  const entries = await fsCall('read folder', dir, () => readdir(dir, { withFileTypes: true }));
  const files: Record<string, string> = {};
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!e.isFile() || !TABLE_EXTENSIONS.has(extname(e.name).toLowerCase())) continue;
    files[e.name] = await readLimited(join(dir, e.name), MAX_CSV_BYTES);
  }
  // A folder without settings.csv is still a scenario: it is named after the folder.
  const folder = basename(resolve(dir));
  const r = scenarioFromCsvTables(files, { id: idFromName(folder) || 'scenario', name: folder });
  return r.ok ? { ok: true, kind: 'csv', scenario: r.scenario, warnings: r.warnings } : { ok: false, kind: 'csv', issues: r.issues, warnings: r.warnings };
}

/** JSON output is chosen by a `.json` name, a workbook by `.xlsx`; anything else is a folder of CSV tables. */
export const targetKind = (path: string): SourceKind => (extname(path).toLowerCase() === '.json' ? 'json' : isWorkbookPath(path) ? 'xlsx' : 'csv');

/** Refuses to replace existing content unless forced, and never writes a file where a folder is (or the reverse). */
export async function checkTarget(path: string, kind: SourceKind, force: boolean): Promise<void> {
  const info = await statOrUndefined(path);
  if (!info) return;
  if (kind === 'json' || kind === 'xlsx') {
    if (info.isDirectory()) throw new CliError(`${path} is a folder; give a file name ending in .${kind}`);
    if (info.size > 0 && !force) throw new CliError(`${path} already exists; add --force to overwrite it`);
    return;
  }
  if (!info.isDirectory()) throw new CliError(`${path} exists and is not a folder; CSV tables are written into a folder`);
  const entries = await fsCall('read folder', path, () => readdir(path));
  if (entries.length > 0 && !force) throw new CliError(`${path} is not empty; add --force to write the tables into it anyway`);
}

/** Writes the JSON through a temporary file and a rename, so a failure never leaves half a scenario. */
export async function writeScenarioJson(path: string, scenario: Scenario): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, scenarioToJson(scenario), 'utf8');
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new CliError(`cannot write ${path}: ${describeFsError(e)}`);
  }
}

/** Writes every table (settings.csv included) into the folder, creating it; returns the file names. */
export async function writeScenarioCsv(dir: string, scenario: Scenario): Promise<string[]> {
  const files = scenarioToCsvTables(scenario);
  await fsCall('create folder', dir, () => mkdir(dir, { recursive: true }));
  for (const [name, text] of Object.entries(files)) {
    await fsCall('write', join(dir, name), () => writeFile(join(dir, name), text, 'utf8'));
  }
  return Object.keys(files);
}
