// The person form's draft: what it edits before Save. Pure, tested in people.test.ts.
import type { Person, PersonInput } from '../../lib/ipc/types';

export function personDraft(person: Person | null): PersonInput {
  return {
    id: person?.id,
    name: person?.name ?? '',
    role: person?.role ?? '',
    home_city: person?.home_city ?? '',
    timezone: person?.timezone ?? '',
    capacity_hours: person?.capacity_hours ?? 40,
    working_days: person ? [...person.working_days] : ['mon', 'tue', 'wed', 'thu', 'fri'],
  };
}
