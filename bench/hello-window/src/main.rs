//! A window showing one static page and nothing else: no commands, plugins or
//! state. Only the paint probe, the very file Quarterdeck compiles, so both
//! apps are timed the same way.

#[path = "../../../src-tauri/src/app/paint_probe.rs"]
mod paint_probe;

fn main() {
    tauri::Builder::default()
        .setup(|app| {
            paint_probe::start(app);
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the window runs");
}
