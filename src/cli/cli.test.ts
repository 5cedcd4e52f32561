// the CLI in-process: output formats, exit codes, errors without stack traces
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../test/support/fake-io.js';

const fixture = 'test/fixtures/scenarios/minimal.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'guarantor-cli-'));

describe('guarantor CLI', () => {
  it('validate: a good file', async () => {
    const r = await cli(['validate', fixture]);
    expect(r).toMatchInlineSnapshot(`
      {
        "code": 0,
        "stderr": "1 file(s) valid
      ",
        "stdout": "ok    test/fixtures/scenarios/minimal.yaml (fixture-minimal)
      ",
      }
    `);
  });

  it('validate: bad files give located errors and exit 1, nothing else', async () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(
      bad,
      'id: bad\ntitle: Bad\nsummary: x\nstatus: draft\nasOf: 2025-01-01\nsources: [kuleba-2025]\ninstruments: []\nguarantor: [USA]\n',
    );
    const r = await cli(['validate', bad.replace(`${tmp}/`, `${tmp}/`)]);
    expect(r.code).toBe(1);
    expect(r.stderr.replaceAll(tmp, '<tmp>')).toMatchInlineSnapshot(`
      "<tmp>/bad.yaml:7:14 schema.range 'instruments': a package needs at least one instrument; got an empty list (at instruments)
      <tmp>/bad.yaml:8:1 schema.unknown-key unknown field 'guarantor' (at guarantor)
        hint: allowed here: $schema, id, title, summary, systems, category, status, asOf, proponents, context, constraints, instruments, positions, assumptions, stress, sources, notes
      1 of 1 file(s) invalid, 2 problem(s)
      "
    `);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('validate: missing, binary, empty and huge files', async () => {
    const bin = join(tmp, 'bin.yaml');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const empty = join(tmp, 'empty.yaml');
    writeFileSync(empty, '');
    const huge = join(tmp, 'huge.yaml');
    writeFileSync(huge, `notes: "${'x'.repeat(10 * 1024 * 1024)}"\n`);
    const r = await cli(['validate', join(tmp, 'nope.yaml'), bin, empty, huge]);
    expect(r.code).toBe(1);
    expect(r.stderr.replaceAll(tmp, '<tmp>')).toMatchInlineSnapshot(`
      "<tmp>/nope.yaml:1:1 file.not-found no such file
        hint: check the path, or use a catalog id (guarantor list)
      <tmp>/bin.yaml:1:1 file.binary file contains NUL bytes: it is binary, not YAML text
        hint: name a .yaml text file
      <tmp>/empty.yaml:1:1 yaml.empty file is empty
        hint: start from a catalog scenario: guarantor show <id> --yaml
      <tmp>/huge.yaml:1:1 file.too-large file is 10.0 MB; the limit is 2 MB
        hint: a scenario file is a few KB: check you named the right file
      4 of 4 file(s) invalid, 4 problem(s)
      "
    `);
  });

  it('validate: duplicate ids across files', async () => {
    const r = await cli(['validate', fixture, fixture]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ref.duplicate-id scenario id 'fixture-minimal' is also used by");
  });

  it('assess: table, json and markdown', async () => {
    const table = await cli(['assess', fixture]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Scorecard');
    expect(table.stdout).toContain('commitment.discretionary-wording');
    const json = await cli(['assess', fixture, '--json']);
    const a = JSON.parse(json.stdout);
    expect(Object.keys(a).sort()).toEqual([
      'findings',
      'overall',
      'parties',
      'scenario',
      'scores',
      'weights',
    ]);
    expect(a.findings[0]).toHaveProperty('sources');
    const md = await cli(['assess', fixture, '--markdown']);
    expect(md.stdout).toMatch(/^# Minimal valid package/);
    expect(md.stdout).toContain('| dimension | score | weight | basis |');
  });

  it('assess: weights are visible and overridable', async () => {
    const r = await cli(['assess', fixture, '--json', '--weights', 'veto=3,timing=0']);
    const a = JSON.parse(r.stdout);
    expect(a.weights.veto).toBe(3);
    expect(a.weights.timing).toBe(0);
    const bad = await cli(['assess', fixture, '--weights', 'vetto=3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatchInlineSnapshot(`
      "error usage.weights: unknown dimension 'vetto' (did you mean 'veto'?); dimensions: commitment, timing, durability, credibility, veto, coverage, self-reliance, acceptability, feasibility
      "
    `);
  });

  it('assess: error-level findings exit 1', async () => {
    const f = join(tmp, 'contradiction.yaml');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(fixture, 'utf8')
      .replace(
        'instruments:',
        'constraints:\n  foreignTroopsBanned: { banned: true, source: kuleba-2025 }\ninstruments:',
      )
      .replace(
        '    sources: [pifer-2022]',
        '    depth:\n      forces: [{ actor: GBR, troops: 5000, mission: reassurance, location: rear, source: pifer-2022 }]\n    sources: [pifer-2022]',
      );
    writeFileSync(f, text);
    const r = await cli(['assess', f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('consistency.troop-ban-conflict');
  });

  it('unknown scenario id suggests the closest', async () => {
    const r = await cli(['show', 'fixture-minimal']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('run `guarantor list`');
  });

  it('usage errors exit 2', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['assess'])).code).toBe(2);
    expect((await cli(['validate'])).code).toBe(2);
    expect((await cli(['compare'])).code).toBe(2);
  });

  it('--help and --version exit 0', async () => {
    const h = await cli(['--help']);
    expect(h.code).toBe(0);
    for (const c of ['list', 'show', 'validate', 'assess', 'compare', 'sources', 'schema'])
      expect(h.stdout).toContain(c);
    expect((await cli(['--version'])).stdout.trim()).toBe('0.1.0');
  });

  it('NO_COLOR and non-TTY output carry no escape codes; a TTY without NO_COLOR does', async () => {
    const plain = await cli(['assess', fixture], { env: {}, tty: false });
    expect(plain.stdout).not.toContain('\u001b[');
    const noColor = await cli(['assess', fixture], { env: { NO_COLOR: '1' }, tty: true });
    expect(noColor.stdout).not.toContain('\u001b[');
    const colour = await cli(['assess', fixture], { env: {}, tty: true });
    expect(colour.stdout).toContain('\u001b[');
  });

  it('show: text, json and yaml of a file', async () => {
    const text = await cli(['show', fixture]);
    expect(text.stdout).toMatchInlineSnapshot(`
      "Minimal valid package (fixture-minimal)
      systems: - · user · status hypothetical · as of 2025-09-04

      One discretionary defence pledge from one guarantor.

      context: UKR vs RUS, horizon 10 years
      constraints: none

      instruments (1):
      - pledge: Defence pledge
          guarantors: USA; obligations: defence; strength: ground-combat (discretionary)
          trigger: on-attack, armed-attack; domains: land, air
          legal: treaty, ratification required, hypothetical; duration: 10 years; decision: each-guarantor
          sources: pifer-2022

      sources: kuleba-2025
      "
    `);
    const json = JSON.parse((await cli(['show', fixture, '--json'])).stdout);
    expect(json.id).toBe('fixture-minimal');
    expect((await cli(['show', fixture, '--yaml'])).stdout).toContain('id: fixture-minimal');
  });

  it('schema: prints the JSON Schema', async () => {
    const r = await cli(['schema']);
    const s = JSON.parse(r.stdout);
    expect(s.title).toBe('Guarantor scenario');
    expect(s.properties.instruments.type).toBe('array');
    expect(s.required).toEqual(expect.arrayContaining(['id', 'title', 'instruments', 'sources']));
  });
});
