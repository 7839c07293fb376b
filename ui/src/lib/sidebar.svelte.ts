// Whether the sidebar is folded down to its initials, leaving the content the room. Like the appearance it
// is this computer's (a small screen here, a large one there), so it is kept in the page's local storage.

const KEY = 'quarterdeck.sidebar-collapsed';

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === 'true';
  } catch {
    return false;
  }
}

class Sidebar {
  collapsed = $state(stored());

  toggle() {
    this.collapsed = !this.collapsed;
    try {
      localStorage.setItem(KEY, String(this.collapsed));
    } catch {
      // Not remembered, but still folded.
    }
  }
}

export const sidebar = new Sidebar();
