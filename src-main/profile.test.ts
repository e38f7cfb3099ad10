import { isAbsolute, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileOverride } from './profile';

describe('profileOverride', () => {
  it('takes the --profile flag over READOUT_PROFILE', () => {
    expect(
      profileOverride(['electron', '.', '--profile=/tmp/flag'], { READOUT_PROFILE: '/tmp/env' }),
    ).toBe('/tmp/flag');
  });

  it('takes READOUT_PROFILE when there is no flag', () => {
    expect(profileOverride(['electron', '.'], { READOUT_PROFILE: '/tmp/env' })).toBe('/tmp/env');
  });

  it('returns null for the platform default when neither is given or the value is blank', () => {
    expect(profileOverride(['electron', '.'], {})).toBeNull();
    expect(profileOverride(['electron', '.'], { READOUT_PROFILE: '   ' })).toBeNull();
  });

  it('makes a relative folder absolute against the working directory', () => {
    const result = profileOverride(['--profile=profiles/test'], {})!;
    expect(isAbsolute(result)).toBe(true);
    expect(result).toBe(resolve(process.cwd(), 'profiles/test'));
  });

  it('does not take a look-alike flag such as --profiles=', () => {
    expect(profileOverride(['--profiles=/tmp/x'], {})).toBeNull();
  });
});
