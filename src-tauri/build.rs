/// Every IPC command the app defines. Tauri generates an `allow-<command>`
/// permission for each, and a window may call only those its capability lists.
const COMMANDS: &[&str] = &[
    "app_info",
    "list_time_zones",
    "list_people",
    "save_person",
    "delete_person",
    "list_events",
    "list_participations",
    "save_event",
    "delete_event",
    "list_time_off",
    "save_time_off",
    "delete_time_off",
    "load_sample_team",
    "list_catalog",
    "import_catalog",
    "import_bundled_catalog",
    "list_cfps_closing",
    "list_talks",
    "list_talk_versions",
    "save_talk",
    "delete_talk",
    "list_submissions",
    "save_submission",
    "delete_submission",
    "submission_warnings",
    "acceptance_rates",
    "get_settings",
    "save_settings",
    "list_event_scores",
    "score_ratings",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step");
}
