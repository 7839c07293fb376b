import { describe, expect, it } from 'vitest';
import { webAddress } from './links';

describe('webAddress', () => {
  it('accepts complete http and https addresses, trimmed', () => {
    expect(webAddress(' https://rustconf.com ')).toBe('https://rustconf.com/');
    expect(webAddress('http://example.org/cfp?id=3')).toBe('http://example.org/cfp?id=3');
  });

  it('refuses what the browser should not be asked to open', () => {
    expect(webAddress('')).toBeNull();
    expect(webAddress('rustconf.com')).toBeNull();
    expect(webAddress('https://')).toBeNull();
    expect(webAddress('javascript:alert(1)')).toBeNull();
    expect(webAddress('file:///etc/passwd')).toBeNull();
    expect(webAddress('https://a b.com')).toBeNull();
  });
});
