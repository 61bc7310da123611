import { describe, expect, it } from 'vitest';
import { Kind } from 'graphql';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../subgraphs/runtime/scalars';

describe('Date scalar', () => {
  it('accepts real calendar dates, in and out', () => {
    expect(DateScalar.serialize('2026-02-28')).toBe('2026-02-28');
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2026-12-31' })).toBe('2026-12-31');
  });
  it('refuses impossible dates, other formats and non-strings', () => {
    for (const bad of ['2026-02-30', '2025-02-29', '31/12/2026', '2026-1-05', '2026-12-31T00:00:00Z', 20261231, null]) {
      expect(() => DateScalar.parseValue(bad)).toThrow(/Date must be/);
      expect(() => DateScalar.serialize(bad)).toThrow(/Date must be/);
    }
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20261231' })).toThrow(/Date must be/);
  });
});

describe('DateTime scalar', () => {
  it('accepts ISO timestamps with an offset', () => {
    for (const ok of ['2026-03-31T18:05:00+02:00', '2026-03-31T18:05:00.123Z', '2026-03-31T16:05:00Z']) {
      expect(DateTimeScalar.parseValue(ok)).toBe(ok);
    }
  });
  it('refuses dates alone, missing offsets, impossible times and days', () => {
    for (const bad of ['2026-03-31', '2026-03-31T18:05:00', '2026-03-31T18:05Z', '2026-03-31T24:00:00Z', '2026-02-30T10:00:00Z', '31/03/2026 18:05']) {
      expect(() => DateTimeScalar.parseValue(bad)).toThrow(/DateTime must be/);
    }
  });
});

describe('Decimal scalar', () => {
  it('accepts dot decimals and refuses commas, floats and exponents', () => {
    expect(DecimalScalar.serialize('221.12')).toBe('221.12');
    expect(DecimalScalar.parseValue('-5')).toBe('-5');
    for (const bad of ['221,12', 221.12, '1e3', '.5', '1.', '1,000.00']) {
      expect(() => DecimalScalar.parseValue(bad)).toThrow(/Decimal must be/);
    }
  });
});
