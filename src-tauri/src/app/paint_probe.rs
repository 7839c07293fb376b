//! The start-up benchmark's probe (bench/app-start.sh). With
//! `QUARTERDECK_PAINT_PROBE=<mark>` set (`1` means `first`), prints
//! `paint-probe <mark> <epoch ms>` as the page reports each mark painted and
//! exits once `<mark>` has; unset, it does nothing. The page only notes its
//! marks (`ui/src/lib/paint-probe.ts`); the script here, evaluated only when
//! probing, passes them on, so a normal start makes no extra IPC call.
//! bench/hello-window compiles this same file, so both apps are timed alike.

use tauri::{App, Listener, Manager, Runtime};

const VAR: &str = "QUARTERDECK_PAINT_PROBE";
const EVENT: &str = "paint-probe";

/// Sends the marks already noted and those still to come. It runs when the
/// page commits (wry queues scripts evaluated earlier), which may be before or
/// after the page notes its first mark, so it handles both.
const FORWARD: &str = r"(() => {
  const sent = new Set();
  const forward = () => {
    for (const [mark, at] of Object.entries(window.__paintMarks ?? {})) {
      if (sent.has(mark)) continue;
      sent.add(mark);
      window.__TAURI_INTERNALS__.invoke('plugin:event|emit', { event: 'paint-probe', payload: [mark, at] });
    }
  };
  addEventListener('paint-mark', forward);
  forward();
})();";

/// Called from the setup hook: the config's windows exist by then.
pub fn start<R: Runtime>(app: &App<R>) {
    let Ok(wanted) = std::env::var(VAR) else { return };
    let wanted = if wanted == "1" { "first".to_string() } else { wanted };
    let handle = app.handle().clone();
    app.listen_any(EVENT, move |event| {
        let Ok((mark, at)) = serde_json::from_str::<(String, f64)>(event.payload()) else { return };
        println!("paint-probe {mark} {at:.0}");
        if mark == wanted {
            handle.exit(0);
        }
    });
    for window in app.webview_windows().values() {
        if let Err(e) = window.eval(FORWARD) {
            log::warn!("paint probe: {e}");
        }
    }
}
