// Start-up benchmark marks (bench/app-start.sh). Two frames after a render
// the frame holding it is on screen; note when, in epoch ms, under the mark's
// name. Nothing is sent: the app's paint probe (src-tauri/src/app/paint_probe.rs),
// present only when benchmarking, reads the marks and listens for more.

type Marked = Window & { __paintMarks?: Record<string, number> };

export function markPainted(mark: string): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const w = window as Marked;
      (w.__paintMarks ??= {})[mark] = Date.now();
      dispatchEvent(new Event('paint-mark'));
    }),
  );
}
