import { describe, expect, it } from 'vitest';
import type { Deletion } from './ipc/types';
import { UNDO_KEPT, deletedText, failedText, isTextField, isUndoKey, remember, restoredText } from './undo';

const trip: Deletion = { token: 't1', kind: 'trip', label: 'Berlin, JSConf' };
const keys = { key: 'z', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false };

describe('undo', () => {
  it('names what was deleted and what came back', () => {
    expect(deletedText(trip)).toBe('Trip “Berlin, JSConf” deleted');
    expect(restoredText({ ...trip, kind: 'time_off', label: 'Maya, vacation 2026-05-04' })).toBe(
      'Time off “Maya, vacation 2026-05-04” is back',
    );
    expect(failedText({ ...trip, kind: 'talk', label: 'Rust' }, 'its event was deleted since')).toBe(
      'Talk “Rust” could not come back: its event was deleted since',
    );
  });

  it('keeps the newest deletions, as many as the backend does', () => {
    let history: Deletion[] = [];
    for (let i = 0; i < UNDO_KEPT + 3; i++) history = remember(history, { ...trip, token: `t${i}` });
    expect(history).toHaveLength(UNDO_KEPT);
    expect(history[0]?.token).toBe('t3');
    expect(history.at(-1)?.token).toBe(`t${UNDO_KEPT + 2}`);
  });

  it('undoes on Ctrl+Z or Cmd+Z, not with Shift or Alt, nor another key', () => {
    expect(isUndoKey(keys)).toBe(true);
    expect(isUndoKey({ ...keys, key: 'Z' })).toBe(true);
    expect(isUndoKey({ ...keys, ctrlKey: false, metaKey: true })).toBe(true);
    expect(isUndoKey({ ...keys, ctrlKey: false })).toBe(false);
    expect(isUndoKey({ ...keys, shiftKey: true })).toBe(false);
    expect(isUndoKey({ ...keys, altKey: true })).toBe(false);
    expect(isUndoKey({ ...keys, key: 'y' })).toBe(false);
  });

  it('leaves Ctrl+Z to text fields', () => {
    expect(isTextField({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTextField({ tagName: 'INPUT', type: '' })).toBe(true);
    expect(isTextField({ tagName: 'INPUT', type: 'date' })).toBe(true);
    expect(isTextField({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTextField({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTextField({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTextField({ tagName: 'BUTTON', type: 'button' })).toBe(false);
    expect(isTextField({ tagName: 'BODY' })).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});
