import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_TABLE_NAMES } from '../../src/core/io/scenario-csv';
import type { Command } from '../../src/cli/command';
import { COMMANDS } from '../../src/cli/registry';
import { runCli } from '../../src/cli/run';
import { runCliCaptured } from '../support/run-cli';
import { MAX_JSON_BYTES } from '../../src/core/io/safe-json';
import { scenarioFromJson } from '../../src/core/io/scenario-json';

const SCENARIO = {
  format: 'chainlab.scenario', version: 1, id: 'tiny', name: 'Tiny «net»',
  parties: [{ id: 'P1', name: 'Acme', instalments: [{ days: 30, share: 0.5 }, { days: 60, share: 0.5 }] }],
  sites: [
    { id: 'A', name: 'DC =A', kind: 'dc', lat: 52.5, lon: 13.4, partyId: 'P1' },
    { id: 'C', name: '=HYPERLINK("x")', kind: 'customer', lat: 48.1, lon: -11.6 },
  ],
  products: [{ id: 'P', name: 'Widget', value: 2.5 }],
  lanes: [{ id: 'L', from: 'A', to: 'C', leadTime: 2 }],
  demand: [{ customerId: 'C', productId: 'P', period: 1, quantity: 5 }, { customerId: 'C', productId: 'P', period: 2, quantity: 7.5 }],
};

const run = runCliCaptured;

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'chainlab-cli-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const writeJson = async (name: string, doc: unknown) => {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(doc), 'utf8');
  return path;
};
const exists = (path: string) => stat(path).then(() => true, () => false);

describe('chainlab help and dispatch', () => {
  it('prints usage for no arguments, help and --help, exit 0', async () => {
    for (const argv of [[], ['help'], ['--help'], ['-h']]) {
      const r = await run(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: chainlab <command>');
      for (const name of Object.keys(COMMANDS)) expect(r.stdout).toContain(`  ${name}`);
    }
  });

  it('prints one command\'s usage with help <command> or <command> --help', async () => {
    expect((await run('help', 'convert')).stdout).toContain('--force');
    expect((await run('validate', '--help')).stdout).toContain('chainlab validate <file>');
    expect((await run('help', 'nope')).code).toBe(2);
  });

  it('exits 2 with usage on an unknown command, a missing argument or an unknown flag', async () => {
    const unknown = await run('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stderr).toContain('Usage: chainlab');
    expect(unknown.stdout).toBe('');
    expect((await run('validate')).code).toBe(2);
    expect((await run('validate', 'a', 'b')).code).toBe(2);
    const flag = await run('convert', 'a.json', 'out', '--frce');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--frce');
  });

  it('dispatches to any registered command, so new commands need only a registry entry', async () => {
    const echo: Command = { summary: 'echo', usage: 'chainlab echo', run: async (args, io) => { io.stdout(args.join(' ')); return 3; } };
    let out = '';
    const code = await runCli(['echo', 'a', 'b'], { stdout: (t) => { out += t; }, stderr: () => undefined }, { ...COMMANDS, echo });
    expect([code, out]).toEqual([3, 'a b']);
  });

  it('prints the JSON Schema', async () => {
    const r = await run('schema');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { title: string; properties: Record<string, unknown> };
    expect(schema.title).toBe('ChainLab scenario');
    expect(Object.keys(schema.properties)).toContain('sites');
  });
});

describe('chainlab validate', () => {
  it('exits 0 with a one-line summary for a valid JSON scenario', async () => {
    const r = await run('validate', await writeJson('ok.json', SCENARIO));
    expect(r).toEqual({ code: 0, stdout: 'ok: Tiny «net» — 2 sites, 1 lane, 1 product, 2 demand rows\n', stderr: '' });
  });

  it('exits 1 with one table[row].field line per problem', async () => {
    const bad = { ...SCENARIO, sites: [{ ...SCENARIO.sites[0], lat: 91 }, SCENARIO.sites[1]], demand: [{ ...SCENARIO.demand[0], quantity: -1 }] };
    const r = await run('validate', await writeJson('bad.json', bad));
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'sites[0].lat: must be at most 90 (got 91)',
      'demand[0].quantity: must be at least 0 (got -1)',
    ]);
    expect(r.stderr).toContain('invalid: 2 problems');
  });

  it('explains unreadable, non-JSON, hostile and oversized files without a stack trace', async () => {
    const missing = await run('validate', join(dir, 'missing.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`error: cannot read ${join(dir, 'missing.json')}: no such file or folder\n`);

    await writeFile(join(dir, 'junk.json'), '{"format": ', 'utf8');
    const junk = await run('validate', join(dir, 'junk.json'));
    expect(junk.code).toBe(1);
    expect(junk.stdout).toMatch(/^scenario: the file is not valid JSON/);

    await writeFile(join(dir, 'proto.json'), '{"__proto__": {"polluted": 1}, "format": "chainlab.scenario"}', 'utf8');
    const proto = await run('validate', join(dir, 'proto.json'));
    expect(proto.code).toBe(1);
    expect(proto.stdout).toContain('forbidden key "__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    await writeFile(join(dir, 'huge.json'), Buffer.alloc(MAX_JSON_BYTES + 1, 0x20));
    const huge = await run('validate', join(dir, 'huge.json'));
    expect(huge.code).toBe(1);
    expect(huge.stderr).toContain('is too large');
    for (const r of [missing, junk, proto, huge]) expect(r.stderr + r.stdout).not.toMatch(/\n\s+at /);
  });

  it('validates a folder of CSV tables, warning about unknown columns on stderr', async () => {
    const folder = join(dir, 'suite');
    await mkdir(folder);
    await writeFile(join(folder, 'Sites.csv'), '\ufeffSite Name;Type;Latitude;Longitude;Manager\nBerlin DC;DC;52,52;13,405;Kim\nKöln;Customer;50,94;6,96;\n');
    await writeFile(join(folder, 'Products.csv'), 'Product Name\nWidget\n');
    await writeFile(join(folder, 'Demand.csv'), 'Customer;Product;Week;Demand\nKöln;Widget;1;12,5\n');
    await writeFile(join(folder, 'notes.md'), 'not a table');
    const r = await run('validate', folder);
    expect(r.stdout).toBe('ok: suite — 2 sites, 0 lanes, 1 product, 1 demand row\n');
    expect(r.stderr).toBe('warning: sites.Manager: unknown column "Manager" ignored (line 1)\n');
    expect(r.code).toBe(0);
  });

  it('refuses a lone CSV file with a hint to pass the folder', async () => {
    await writeFile(join(dir, 'sites.csv'), 'id\n');
    const r = await run('validate', join(dir, 'sites.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pass the folder');
  });
});

describe('chainlab convert', () => {
  it('round-trips JSON → CSV folder → JSON to an equal scenario', async () => {
    const input = await writeJson('in.json', SCENARIO);
    const folder = join(dir, 'tables');
    const toCsv = await run('convert', input, folder);
    expect(toCsv).toMatchObject({ code: 0, stderr: '' });
    expect((await readdir(folder)).sort()).toEqual([...CSV_TABLE_NAMES].map((t) => `${t}.csv`).sort());
    expect(await readFile(join(folder, 'sites.csv'), 'utf8')).toContain(`"'=HYPERLINK(""x"")"`);

    const back = join(dir, 'back.json');
    expect((await run('convert', folder, back)).code).toBe(0);
    const original = scenarioFromJson(JSON.stringify(SCENARIO));
    const roundTripped = scenarioFromJson(await readFile(back, 'utf8'));
    expect(roundTripped.ok && original.ok).toBe(true);
    if (roundTripped.ok && original.ok) expect(roundTripped.scenario).toEqual(original.scenario);
  });

  it('refuses to overwrite non-empty output unless --force', async () => {
    const input = await writeJson('in.json', SCENARIO);
    const target = join(dir, 'target.json');
    await writeFile(target, 'keep me', 'utf8');
    const refused = await run('convert', input, target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect(await readFile(target, 'utf8')).toBe('keep me');
    expect((await run('convert', input, target, '--force')).code).toBe(0);
    expect(JSON.parse(await readFile(target, 'utf8'))).toMatchObject({ id: 'tiny' });

    const folder = join(dir, 'full');
    await mkdir(folder);
    await writeFile(join(folder, 'mine.txt'), 'x');
    expect((await run('convert', input, folder)).code).toBe(1);
    expect(await readdir(folder)).toEqual(['mine.txt']);
    expect((await run('convert', input, folder, '--force')).code).toBe(0);
    expect(await readdir(folder)).toContain('sites.csv');
    expect(await readFile(join(folder, 'mine.txt'), 'utf8')).toBe('x');

    await mkdir(join(dir, 'empty'));
    expect((await run('convert', input, join(dir, 'empty'))).code).toBe(0);
  });

  it('writes nothing when the input is invalid, and prints its issue lines', async () => {
    const input = await writeJson('bad.json', { ...SCENARIO, lanes: [{ id: 'L', from: 'A', to: 'NOWHERE' }] });
    const folder = join(dir, 'out');
    const r = await run('convert', input, folder);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('lanes[0].to: unknown site "NOWHERE"\n');
    expect(r.stderr).toContain('nothing written');
    expect(await exists(folder)).toBe(false);

    const csvIn = join(dir, 'badcsv');
    await mkdir(csvIn);
    await writeFile(join(csvIn, 'sites.csv'), 'id,name,kind,lat,lon\nA,A,dc,1,12abc\n');
    const json = join(dir, 'out.json');
    const r2 = await run('convert', csvIn, json);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toBe('sites[0].lon: must be a number (got "12abc") (line 2)\n');
    expect(await exists(json)).toBe(false);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the real command line', () => {
  const exec = promisify(execFile);
  const root = join(import.meta.dirname, '../..');

  it('runs bin/chainlab.mjs through tsx, forwarding output and exit codes', async () => {
    const ok = await exec(process.execPath, [join(root, 'bin/chainlab.mjs'), 'validate', await writeJson('ok.json', SCENARIO)], { cwd: dir });
    expect(ok.stdout).toBe('ok: Tiny «net» — 2 sites, 1 lane, 1 product, 2 demand rows\n');

    const bad = await exec(process.execPath, [join(root, 'bin/chainlab.mjs'), 'validate', await writeJson('bad.json', { ...SCENARIO, sites: [] })], { cwd: dir })
      .then(() => undefined, (e: { code: number; stdout: string }) => e);
    expect(bad?.code).toBe(1);
    expect(bad?.stdout).toContain('lanes[0].from: unknown site "A"');

    const usage = await exec(process.execPath, [join(root, 'bin/chainlab.mjs'), 'nope'], { cwd: dir }).then(() => undefined, (e: { code: number }) => e);
    expect(usage?.code).toBe(2);
  });
});
