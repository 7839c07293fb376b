import { describe, expect, it } from 'vitest';
import { parseAppearance, themeFor } from './appearance';

describe('appearance', () => {
  it('reads only the three choices', () => {
    expect(parseAppearance('dark')).toBe('dark');
    expect(parseAppearance('light')).toBe('light');
    expect(parseAppearance('system')).toBe('system');
    expect(parseAppearance('Dark')).toBeNull();
    expect(parseAppearance(null)).toBeNull();
    expect(parseAppearance(1)).toBeNull();
  });

  it('follows the system only when asked to', () => {
    expect(themeFor('system', true)).toBe('dark');
    expect(themeFor('system', false)).toBe('light');
    expect(themeFor('light', true)).toBe('light');
    expect(themeFor('dark', false)).toBe('dark');
  });
});
