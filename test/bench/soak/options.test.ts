import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, parseSoakOptions, USAGE } from '../../../bench/soak/options.js';

describe('parseSoakOptions', () => {
  it('keeps the default run: SQLite, one instance', () => {
    expect(parseSoakOptions([], {})).toMatchObject({ store: 'sqlite', instances: 1, users: 200, messages: 10_000 });
    expect(DEFAULT_OPTIONS).toMatchObject({ store: 'sqlite', instances: 1 });
  });

  it('takes the store and the instance count from flags, else from SOAK_STORE and SOAK_INSTANCES', () => {
    expect(parseSoakOptions(['--store', 'postgres', '--instances', '2'], {})).toMatchObject({
      store: 'postgres',
      instances: 2,
    });
    expect(parseSoakOptions([], { SOAK_STORE: 'postgres', SOAK_INSTANCES: '3' })).toMatchObject({
      store: 'postgres',
      instances: 3,
    });
    expect(parseSoakOptions(['--store', 'sqlite'], { SOAK_STORE: 'postgres' })).toMatchObject({ store: 'sqlite' });
  });

  it('allows one PostgreSQL process (polling), to compare with SQLite on the same run', () => {
    expect(parseSoakOptions(['--store', 'postgres'], {})).toMatchObject({ store: 'postgres', instances: 1 });
  });

  it('refuses two instances on SQLite, naming the flag to add', () => {
    expect(() => parseSoakOptions(['--instances', '2'], {})).toThrow(
      `soak: --instances 2 needs --store postgres (instances share one database; SQLite is one process's file)\n${USAGE}`,
    );
  });

  it.each([
    [['--store', 'mysql'], 'soak: --store takes sqlite or postgres, not "mysql"'],
    [['--instances', '0'], 'soak: --instances takes a whole number from 1'],
    [['--instances', '1.5', '--store', 'postgres'], 'soak: --instances takes a whole number from 1'],
    [['--instances', 'two'], 'soak: --instances must be a number >= 0, not "two"'],
  ])('refuses %j with the usage', (argv, message) => {
    expect(() => parseSoakOptions(argv, {})).toThrow(`${message}\n${USAGE}`);
  });

  it('shows the new options in the usage', () => {
    expect(USAGE).toContain('[--store sqlite|postgres] [--instances 1');
    expect(USAGE).toContain('SOAK_STORE, SOAK_INSTANCES');
  });
});
