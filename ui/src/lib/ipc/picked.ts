// What a command that opened a native dialog answers: its result, or null
// when the person cancelled (nothing happened, so there is nothing to show).
import type { Picked } from './types';

export function picked<T>(answer: Picked<T>): T | null {
  return answer.outcome === 'done' ? answer.value : null;
}
