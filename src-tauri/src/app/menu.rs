//! The native menu bar. Rust acts on what needs no page (other plans, the
//! clipboard, Quit, the documentation); everything else reaches the page as
//! one `menu-action` event carrying the item's id, where `MenuActions.svelte`
//! runs the same functions as the sidebar and the shortcuts.

use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, Submenu, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use super::other_plans::{self, OpenedPlans, Request};

/// The screens in the sidebar's order, with the page's shortcuts (App.svelte's `SECTIONS`: Ctrl+digit by position).
pub const SCREENS: &[(&str, &str)] = &[
    ("quarter", "Quarter"),
    ("people", "People"),
    ("events", "Events"),
    ("talks", "Talk library"),
    ("content", "Content"),
    ("travel", "Travel"),
    ("load", "Load"),
    ("catalog", "Conference catalog"),
];

const RECENT: &str = "recent-";
const OPEN_RECENT: &str = "open-recent";

/// The whole menu bar, with the recent plans as they are now.
pub fn build<R: Runtime, M: Manager<R>>(app: &M) -> tauri::Result<Menu<R>> {
    let item = |id: &str, text: &str, keys: Option<&str>| {
        let item = MenuItemBuilder::with_id(id, text);
        match keys {
            Some(keys) => item.accelerator(keys),
            None => item,
        }
        .build(app)
    };
    let file = SubmenuBuilder::new(app, "&File")
        .item(&item("new-plan", "&New plan…", Some("CmdOrCtrl+N"))?)
        .item(&item("open-plan", "&Open plan…", Some("CmdOrCtrl+O"))?)
        .item(&recent(app)?)
        .separator()
        .item(&item("import-calendar", "&Import calendar…", Some("CmdOrCtrl+I"))?)
        .item(&item("export-calendar", "&Export calendar…", Some("CmdOrCtrl+Shift+E"))?)
        .item(&item("backups", "&Backups…", None)?)
        .separator()
        .item(&item("quit", "&Quit", Some("CmdOrCtrl+Q"))?)
        .build()?;
    // Undo and Redo go to the page (a text field's own undo, or the last delete);
    // the clipboard items run WebKit's own editing commands on what has focus.
    let edit = SubmenuBuilder::new(app, "&Edit")
        .item(&item("undo", "&Undo", Some("CmdOrCtrl+Z"))?)
        .item(&item("redo", "&Redo", Some("CmdOrCtrl+Shift+Z"))?)
        .separator()
        .item(&item("cut", "Cu&t", Some("CmdOrCtrl+X"))?)
        .item(&item("copy", "&Copy", Some("CmdOrCtrl+C"))?)
        .item(&item("paste", "&Paste", Some("CmdOrCtrl+V"))?)
        .item(&item("select-all", "Select &all", Some("CmdOrCtrl+A"))?)
        .build()?;
    let mut view = SubmenuBuilder::new(app, "&View");
    for (n, (id, label)) in SCREENS.iter().enumerate() {
        view = view.item(&item(&format!("view:{id}"), label, Some(&format!("CmdOrCtrl+{}", n + 1)))?);
    }
    let appearance = SubmenuBuilder::new(app, "&Appearance")
        .item(&item("appearance:system", "&System", None)?)
        .item(&item("appearance:light", "&Light", None)?)
        .item(&item("appearance:dark", "&Dark", None)?)
        .build()?;
    let view = view
        .item(&item("view:settings", "&Settings", Some("CmdOrCtrl+,"))?)
        .separator()
        .item(&item("reload", "&Reload", Some("CmdOrCtrl+R"))?)
        .item(&appearance)
        .build()?;
    let help = SubmenuBuilder::new(app, "&Help")
        .item(&item("shortcuts", "&Keyboard shortcuts", Some("CmdOrCtrl+/"))?)
        .item(&item("documentation", "&Documentation", Some("F1"))?)
        .separator()
        .item(&item("about", "&About Quarterdeck", None)?)
        .build()?;
    MenuBuilder::new(app).items(&[&file, &edit, &view, &help]).build()
}

/// File → Open recent: the plans opened lately that still exist.
fn recent<R: Runtime, M: Manager<R>>(app: &M) -> tauri::Result<Submenu<R>> {
    let menu = SubmenuBuilder::with_id(app, OPEN_RECENT, "Open &recent").build()?;
    fill_recent(app, &menu)?;
    Ok(menu)
}

/// Puts the recent plans in `menu`, by file name and folder, in place of what it held.
fn fill_recent<R: Runtime, M: Manager<R>>(app: &M, menu: &Submenu<R>) -> tauri::Result<()> {
    for old in menu.items()? {
        menu.remove(&old)?;
    }
    let plans = app.try_state::<OpenedPlans>().map(|p| p.existing()).unwrap_or_default();
    for (n, plan) in plans.iter().enumerate() {
        let name = plan.file_name().map_or_else(|| plan.display().to_string(), |n| n.to_string_lossy().into_owned());
        let folder = plan.parent().map(|p| p.display().to_string()).unwrap_or_default();
        // The menu reads `&` as a mnemonic mark: doubled, a name keeps its ampersands.
        let text = format!("{name} — {folder}").replace('&', "&&");
        menu.append(&MenuItemBuilder::with_id(format!("{RECENT}{n}"), text).build(app)?)?;
    }
    menu.set_enabled(!plans.is_empty())
}

/// Lists the recent plans again in File → Open recent (they changed).
pub fn refresh<R: Runtime>(app: &AppHandle<R>) {
    let recent = app.menu().and_then(|m| m.get(OPEN_RECENT)).and_then(|item| item.as_submenu().cloned());
    let Some(recent) = recent else { return };
    if let Err(e) = fill_recent(app, &recent) {
        log::warn!("File → Open recent was not brought up to date: {e}");
    }
}

pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let id = event.id().as_ref();
    match id {
        "new-plan" => other_plans::open(app, Request::New),
        "open-plan" => other_plans::open(app, Request::Open),
        "quit" => {
            // Through the window's close, so that unsaved changes are asked about first.
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.close();
            }
        }
        "cut" | "copy" | "paste" | "select-all" => edit(app, id),
        "documentation" => super::documentation::open(app),
        _ => match id.strip_prefix(RECENT).and_then(|n| n.parse().ok()) {
            Some(n) => other_plans::open(app, Request::Recent(n)),
            None => {
                let _ = app.emit("menu-action", id);
            }
        },
    }
}

/// Runs WebKit's own editing command on what has focus in the page, as the
/// web view's context menu does.
fn edit<R: Runtime>(app: &AppHandle<R>, id: &str) {
    let Some(window) = app.get_webview_window("main") else { return };
    #[cfg(target_os = "linux")]
    {
        let command = match id {
            "cut" => "Cut",
            "copy" => "Copy",
            "paste" => "Paste",
            _ => "SelectAll",
        };
        let done = window.with_webview(move |webview| {
            use webkit2gtk::WebViewExt;
            webview.inner().execute_editing_command(command);
        });
        if let Err(e) = done {
            log::warn!("{command} did not reach the page: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (window, id);
}
