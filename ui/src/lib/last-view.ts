// The view the window showed last, so that it opens there again. Kept in the
// page's own storage: it is this window's habit, not part of the plan.

const KEY = 'quarterdeck.lastView';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage switched off: the window simply opens on its home
  }
}

/** The last view, if it is one of `views` (a view since renamed or removed is forgotten). */
export function lastView<V extends string>(views: readonly V[], store: Storage | null = storage()): V | null {
  const kept = store?.getItem(KEY);
  return views.find((v) => v === kept) ?? null;
}

export function rememberView(view: string, store: Storage | null = storage()): void {
  try {
    store?.setItem(KEY, view);
  } catch {
    // full or switched off: next time opens on the home view, nothing worse
  }
}
