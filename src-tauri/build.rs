// The IPC commands are declared once, in `src/app/command_list.rs`; this
// script runs before the crate compiles, so it includes that file and reads
// only the commands' names from it.
include!("src/app/command_list.rs");

/// The declared commands' names, all that Tauri needs here.
macro_rules! names {
    ($( $(#[$doc:meta])* $module:ident :: $name:ident ( $($args:tt)* ) -> $answer:ty; )*) => {
        &[$(stringify!($name)),*]
    };
}

/// Every IPC command the app defines. Tauri generates an `allow-<command>`
/// permission for each, and a window may call only those its capability lists.
const COMMANDS: &[&str] = command_list!(names);

fn main() {
    // For the test that these are the declared names (app::surface).
    println!("cargo:rustc-env=QUARTERDECK_BUILD_COMMANDS={}", COMMANDS.join(","));
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step");
}
