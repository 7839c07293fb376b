//! A window that never stays blank: when WebKit's web process dies (a crash,
//! the out-of-memory killer), the page is loaded again, with the plan read
//! afresh from the file; only what was typed and not saved is lost with it.

use tauri::{Runtime, WebviewWindow};

/// Reloads `window`'s page whenever its web process ends unasked.
pub fn reload_when_it_dies<R: Runtime>(window: &WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    {
        let watched = window.with_webview(|webview| {
            use std::cell::Cell;
            use std::rc::Rc;

            use webkit2gtk::{LoadEvent, WebProcessTerminationReason, WebViewExt};
            let view = webview.inner();
            let reloading = Rc::new(Cell::new(false));
            let crashed = Rc::clone(&reloading);
            view.connect_web_process_terminated(move |view, reason| {
                // Ending it on purpose (the app closing) is no crash.
                if reason == WebProcessTerminationReason::TerminatedByApi {
                    return;
                }
                log::warn!("the window's web process ended ({reason:?}); loading the page again");
                crashed.set(true);
                view.reload();
            });
            view.connect_load_changed(move |_, event| {
                if event == LoadEvent::Finished && reloading.replace(false) {
                    log::info!("the window's page is loaded again");
                }
            });
        });
        match watched {
            Ok(()) => log::info!("watching the window's web process"),
            Err(e) => log::warn!("the window's web process is not watched: {e}"),
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
