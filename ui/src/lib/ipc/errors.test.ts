import { describe, expect, it } from 'vitest';
import { fieldErrors, toApiError } from './errors';

describe('toApiError', () => {
  it('keeps a typed error as it is', () => {
    expect(toApiError({ code: 'not_found', message: 'no person', field: null })).toEqual({
      code: 'not_found',
      message: 'no person',
      field: null,
    });
  });
  it('wraps the plain strings Tauri sends for bad arguments', () => {
    expect(toApiError('invalid args `id`')).toEqual({ code: 'invalid', message: 'invalid args `id`', field: null });
  });
});

describe('fieldErrors', () => {
  const fields = ['name', 'end_date', 'participants'];
  it('puts a message next to the field it names', () => {
    const out = fieldErrors({ code: 'invalid', message: 'must not be empty', field: 'name' }, fields);
    expect(out).toEqual({ byField: { name: 'must not be empty' }, general: null });
  });
  it('maps nested paths to the list field', () => {
    const out = fieldErrors({ code: 'invalid', message: 'no person', field: 'participants[0].person_id' }, fields);
    expect(out.byField).toEqual({ participants: 'no person' });
  });
  it('keeps errors for fields the form lacks, and other codes, general', () => {
    expect(fieldErrors({ code: 'invalid', message: 'bad', field: 'other' }, fields).general).toBe('other: bad');
    expect(fieldErrors({ code: 'busy', message: 'try again', field: null }, fields).general).toBe('try again');
  });
});
