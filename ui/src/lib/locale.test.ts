import { describe, expect, it } from 'vitest';
import { formatNumber, localDecimal, parseAmount, separators } from './locale';

describe('numbers in the locale', () => {
  it('knows each locale’s marks', () => {
    expect(separators('en-US')).toEqual({ decimal: '.', group: ',' });
    expect(separators('de-DE')).toEqual({ decimal: ',', group: '.' });
  });

  it('writes decimal text exactly in the locale', () => {
    expect(localDecimal('1234.50', true, 'en-US')).toBe('1,234.50');
    expect(localDecimal('1234.50', true, 'de-DE')).toBe('1.234,50');
    expect(localDecimal('-612.40', false, 'de-DE')).toBe('-612,40');
    expect(localDecimal('15000', true, 'de-DE')).toBe('15.000');
    expect(formatNumber(12340.5, {}, 'de-DE')).toBe('12.340,5');
    expect(formatNumber(12340.5, {}, 'en-US')).toBe('12,340.5');
  });
});

describe('amounts typed in the locale', () => {
  it('reads a German decimal comma and digit groups', () => {
    expect(parseAmount('612,40', 'costs[0].planned', 'de-DE')).toBe('612.40');
    expect(parseAmount('1.234,50', 'f', 'de-DE')).toBe('1234.50');
    expect(parseAmount(' 1 234,5 ', 'f', 'de-DE')).toBe('1234.5');
    expect(parseAmount('1.234', 'f', 'de-DE')).toBe('1234');
    // A lone point that cannot group digits is a decimal point typed the English way.
    expect(parseAmount('612.40', 'f', 'de-DE')).toBe('612.40');
    expect(parseAmount('-5,5', 'f', 'de-DE')).toBe('-5.5');
  });

  it('reads English amounts, with or without digit groups', () => {
    expect(parseAmount('1,234.50', 'f', 'en-US')).toBe('1234.50');
    expect(parseAmount('612.40', 'f', 'en-US')).toBe('612.40');
    expect(parseAmount('1,234', 'f', 'en-US')).toBe('1234');
    expect(parseAmount('612,4', 'f', 'en-US')).toBe('612.4');
    expect(parseAmount('', 'f', 'en-US')).toBe('');
  });

  it('refuses what cannot be read, naming the field', () => {
    for (const [typed, tag] of [
      ['12,34,5', 'en-US'],
      ['1.23.4,5', 'de-DE'],
      ['1,234,5', 'de-DE'],
      ['12a', 'en-US'],
      ['€12', 'de-DE'],
      [',5', 'en-US'],
      ['1.2.3', 'en-US'],
    ] as const) {
      expect(() => parseAmount(typed, 'costs[1].actual', tag), `${typed} in ${tag}`).toThrow(
        expect.objectContaining({ code: 'invalid', field: 'costs[1].actual' }),
      );
    }
    try {
      parseAmount('zwölf', 'amount', 'de-DE');
    } catch (e) {
      expect((e as { message: string }).message).toContain('1.234,50');
    }
  });
});
