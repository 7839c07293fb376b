/// Every IPC command the app defines. Tauri generates an `allow-<command>`
/// permission for each, and a window may call only those its capability lists.
const COMMANDS: &[&str] = &[
    "app_info",
    "load_plan",
    "list_time_zones",
    "save_person",
    "delete_person",
    "save_event",
    "delete_event",
    "save_time_off",
    "delete_time_off",
    "load_sample_team",
    "list_catalog",
    "import_catalog",
    "import_bundled_catalog",
    "save_talk",
    "delete_talk",
    "save_submission",
    "delete_submission",
    "submission_warnings",
    "save_settings",
    "score_ratings",
    "save_content",
    "delete_content",
    "follow_up_defaults",
    "save_follow_ups",
    "save_trip",
    "delete_trip",
    "preview_trip",
    "search_places",
    "save_budget",
    "delete_budget",
    "budget_report",
    "rate_summaries",
    "save_rate",
    "delete_rate",
    "import_rates",
    "export_costs",
    "save_thresholds",
    "what_if",
    "import_holidays",
    "import_calendar",
    "remove_imported_calendar",
    "export_calendar",
    "export_calendar_folder",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step");
}
