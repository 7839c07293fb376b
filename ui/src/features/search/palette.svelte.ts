// Whether the Ctrl+K palette is open: the shell makes the window behind it inert, as for its other dialogs.
class Palette {
  open = $state(false);
}

export const palette = new Palette();
