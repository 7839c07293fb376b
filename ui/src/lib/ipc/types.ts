// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit:
// run `UPDATE_BINDINGS=1 cargo test bindings` after changing a type.

export type ErrorCode = "invalid" | "not_found" | "ambiguous" | "unsupported_format" | "file" | "busy" | "database" | "disk_full" | "read_only" | "calendar_server" | "network" | "internal";

export type ApiError = { code: ErrorCode, message: string, 
/**
 * The input field at fault, for `invalid` errors.
 */
field: string | null, };

export type AppInfo = { version: string, db_path: string, schema_version: number, 
/**
 * Where "write a file per kind" puts calendars unless the user picks
 * another folder: `calendars` beside the database.
 */
calendar_folder: string, 
/**
 * The app's clock when asked (`QUARTERDECK_NOW` moves it): the window
 * keeps its own "today" in step with it.
 */
now: string, 
/**
 * The window's log file, for a bug report (`None` with no home folder).
 */
log_file: string | null, 
/**
 * The system's locale (BCP 47) for numbers, money and dates; `QUARTERDECK_LOCALE` overrides it.
 */
locale: string, };

export type Me = { "kind": "unasked" } | { "kind": "person", id: string, } | { "kind": "not_in_plan" };

export type EventId = string;

export type TalkId = string;

export type SubmissionId = string;

export type ContentId = string;

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

export type Person = { id: string, name: string, 
/**
 * Job title, free text ("Developer Advocate").
 */
role: string, home_city: string, 
/**
 * IANA zone of the home city, e.g. `Europe/Berlin`.
 */
timezone: string, 
/**
 * Contracted hours in a full week, before leave and holidays.
 */
capacity_hours: number, 
/**
 * Days this person normally works, Monday first.
 */
working_days: Array<Weekday>, created_at: string, updated_at: string, };

export type PersonInput = { id?: string, name: string, role: string, home_city: string, timezone: string, capacity_hours: number, working_days: Array<Weekday>, };

export type TimeOffKind = "vacation" | "public_holiday" | "day_in_lieu" | "sick" | "other";

export type TimeOff = { id: string, person_id: string, kind: TimeOffKind, 
/**
 * First day away (inclusive).
 */
start_date: string, 
/**
 * Last day away (inclusive).
 */
end_date: string, note: string, created_at: string, updated_at: string, };

export type TimeOffInput = { id?: string, person_id: string, kind: TimeOffKind, start_date: string, end_date: string, note: string, };

export type EventKind = "conference" | "meetup" | "workshop" | "hackathon" | "webinar" | "livestream" | "other";

export type EventStatus = "considering" | "cfp_open" | "submitted" | "accepted" | "waitlisted" | "rejected" | "confirmed" | "done" | "cancelled";

export type Event = { id: string, name: string, kind: EventKind, 
/**
 * First day (inclusive), local to the event.
 */
start_date: string, 
/**
 * Last day (inclusive), local to the event.
 */
end_date: string, online: boolean, city: string, country: string, 
/**
 * IANA zone of the venue; may be absent only for online events.
 */
timezone: string | null, url: string, status: EventStatus, cfp_url: string, 
/**
 * Local date-time the call for papers closes.
 */
cfp_deadline: string | null, 
/**
 * Zone of `cfp_deadline`; absent means Anywhere on Earth (UTC-12).
 */
cfp_timezone: string | null, notes: string, 
/**
 * The team's ratings for the event score; see `score`.
 */
ratings: Ratings, created_at: string, updated_at: string, };

export type EventInput = { id?: string, name: string, kind: EventKind, start_date: string, end_date: string, online: boolean, city: string, country: string, timezone: string | null, url: string, status: EventStatus, cfp_url: string, cfp_deadline: string | null, cfp_timezone: string | null, notes: string, ratings: Ratings, participants: Array<ParticipantInput>, };

export type ParticipantInput = { person_id: string, role: ParticipationRole, };

export type ParticipationRole = "speaker" | "booth" | "organiser" | "attendee" | "sponsor_host";

export type Participation = { id: string, event_id: string, person_id: string, role: ParticipationRole, created_at: string, updated_at: string, };

export type Counts = { added: number, updated: number, unchanged: number, 
/**
 * Older than the stored record (its `updated_at`): the newer edit wins, as between two devices.
 */
skipped_older: number, };

export type ImportSummary = { people: Counts, time_off: Counts, events: Counts, participations: Counts, talks: Counts, talk_versions: Counts, submissions: Counts, content: Counts, trips: Counts, budgets: Counts, rates: Counts, goals: Counts, target_mixes: Counts, functions: Counts, outcomes: Counts, };

export type Plan = { 
/**
 * Always `quarterdeck-plan`.
 */
format: string, version: number, exported_at: string, 
/**
 * Whose plan this is, when one person's plan was exported; absent for the whole team.
 */
person?: string, people: Array<Person>, time_off: Array<TimeOff>, events: Array<Event>, participations: Array<Participation>, talks: Array<Talk>, talk_versions: Array<TalkVersion>, submissions: Array<Submission>, content: Array<ContentItem>, trips: Array<Trip>, budgets: Array<Budget>, 
/**
 * Units per euro on the days the file's costs and budgets convert at.
 */
rates: Array<ExchangeRate>, goals: Array<Goal>, target_mixes: Array<TargetMix>, 
/**
 * Activities whose DevRel function is not their kind's default.
 */
functions: Array<ActivityFunction>, outcomes: Array<Outcome>, };

export type CatalogEntry = { id: string, created_at: string, updated_at: string, name: string, start_date: string, end_date: string, url: string, city: string, country: string, online: boolean, 
/**
 * Languages of the talks, as listed (`EN`, `EN,FR`).
 */
locales: string, cfp_url: string, 
/**
 * Last day of the call for papers; the listing gives no time or zone (read as Anywhere on Earth).
 */
cfp_end_date: string | null, 
/**
 * Topic files the conference was listed in (`javascript`, `devops`).
 */
topics: Array<string>, };

export type Skipped = { file: string, 
/**
 * Position in the file's array; absent when the whole file was skipped.
 */
index: number | null, reason: string, };

export type CatalogImport = { added: number, updated: number, unchanged: number, 
/**
 * One line per updated conference: what changed.
 */
changes: Array<string>, skipped: Array<Skipped>, };

export type CatalogSource = { 
/**
 * The folder holding `<year>/<topic>.json`, without a trailing slash.
 */
base_url: string, 
/**
 * When an update last finished; none before the first.
 */
updated_at: string | null, };

export type CfpClosing = { event_id: string, event_name: string, status: EventStatus, cfp_url: string, 
/**
 * The deadline as the organisers wrote it, local to `timezone`.
 */
deadline: string, 
/**
 * Zone of `deadline`; absent means Anywhere on Earth (UTC−12).
 */
timezone: string | null, 
/**
 * The same moment in UTC.
 */
closes_at: string, 
/**
 * Whole hours from `now` until it closes.
 */
hours_left: number, };

export type ImportStage = "downloading" | "reading" | "saving";

export type ImportProgress = { stage: ImportStage, done: number, total: number, };

export type Ratings = { audience_fit: number | null, reach: number | null, cost: number | null, travel_burden: number | null, strategic_value: number | null, };

export type ScoreWeights = { audience_fit: number, reach: number, cost: number, travel_burden: number, strategic_value: number, };

export type EventScore = { event_id: string, score: number | null, };

export type BudgetQuarterRule = "trip_start" | "booking_date";

export type Settings = { score_weights: ScoreWeights, 
/**
 * Days before a CFP closes to notify, most distant first; empty turns reminders off.
 */
cfp_reminder_days: Array<number>, 
/**
 * ISO 4217 code every budget and cost is reported in.
 */
reporting_currency: string, 
/**
 * Which quarter's budget a trip's costs count against.
 */
budget_quarter: BudgetQuarterRule, };

export type TalkFormat = "talk" | "lightning" | "keynote" | "workshop" | "panel";

export type TalkLevel = "beginner" | "intermediate" | "advanced" | "all_levels";

export type TalkStatus = "idea" | "drafting" | "ready" | "retired";

export type Talk = { id: string, title: string, 
/**
 * The current abstract; each submission keeps its own forked copy.
 */
abstract: string, duration_minutes: number, format: TalkFormat, level: TalkLevel, tags: Array<string>, status: TalkStatus, 
/**
 * Who wrote it; any teammate may submit it.
 */
owner_id: string | null, notes: string, created_at: string, updated_at: string, };

export type TalkInput = { id?: string, title: string, abstract: string, duration_minutes: number, format: TalkFormat, level: TalkLevel, tags: Array<string>, status: TalkStatus, owner_id: string | null, notes: string, };

export type TalkVersion = { id: string, talk_id: string, number: number, title: string, abstract: string, created_at: string, updated_at: string, };

export type SubmissionStatus = "draft" | "submitted" | "accepted" | "rejected" | "waitlisted" | "withdrawn" | "confirmed";

export type Submission = { id: string, talk_id: string, 
/**
 * The talk version (title and abstract) sent with this submission.
 */
version_id: string, event_id: string, speaker_id: string, status: SubmissionStatus, submitted_on: string | null, decided_on: string | null, notes: string, created_at: string, updated_at: string, };

export type SubmissionInput = { id?: string, talk_id: string, event_id: string, speaker_id: string, status: SubmissionStatus, submitted_on: string | null, decided_on: string | null, title: string, abstract: string, notes: string, };

export type Acceptance = { 
/**
 * The talk or the person this counts for.
 */
id: string, 
/**
 * Sent to organisers (everything but drafts).
 */
sent: number, 
/**
 * Sent and not answered yet (submitted, waitlisted).
 */
pending: number, accepted: number, rejected: number, 
/**
 * Accepted over answered, 0 to 1; none before the first answer.
 */
rate: number | null, };

export type AcceptanceReport = { talks: Array<Acceptance>, people: Array<Acceptance>, };

export type DuplicateWarning = { 
/**
 * The teammate's submission.
 */
submission_id: string, speaker_id: string, title: string, status: SubmissionStatus, 
/**
 * The very same library talk, not just a similar one.
 */
same_talk: boolean, 
/**
 * How alike, 0 to 100.
 */
similarity: number, };

export type CfpReminderShown = { event_id: string, title: string, body: string, days_before: number, };

export type RecordKind = "person" | "event" | "time_off" | "talk" | "submission" | "content" | "trip" | "budget" | "rate" | "goal" | "outcome";

export type Deletion = { 
/**
 * Hand it to `undo_delete` to bring the record back.
 */
token: string, kind: RecordKind, label: string, };

export type ContentKind = "blog_post" | "tutorial" | "video" | "docs_page" | "newsletter" | "podcast" | "sample_app" | "social_thread";

export type ContentStatus = "idea" | "drafting" | "review" | "scheduled" | "published" | "dropped";

export type ContentItem = { id: string, title: string, kind: ContentKind, owner_id: string | null, 
/**
 * Where it appears: "Company blog", "YouTube", "dev.to".
 */
channel: string, status: ContentStatus, 
/**
 * The day the draft is due.
 */
due_on: string | null, 
/**
 * Local date-time it goes out, in `timezone`.
 */
publish_at: string | null, 
/**
 * IANA zone of `publish_at`; present exactly when `publish_at` is.
 */
timezone: string | null, 
/**
 * Estimated hours of work; the kind's default unless `effort_custom`.
 */
effort_hours: number, effort_custom: boolean, 
/**
 * Length of a finished video, which sets its default effort.
 */
finished_minutes: number | null, draft_url: string, published_url: string, tags: Array<string>, 
/**
 * The event it follows up (a recap) or the talk it repurposes (a video of it).
 */
event_id: string | null, talk_id: string | null, notes: string, created_at: string, updated_at: string, };

export type ContentInput = { id?: string, title: string, kind: ContentKind, owner_id: string | null, channel: string, status: ContentStatus, due_on: string | null, publish_at: string | null, timezone: string | null, effort_hours: number | null, finished_minutes: number | null, draft_url: string, published_url: string, tags: Array<string>, event_id: string | null, talk_id: string | null, notes: string, };

export type EffortDefault = { kind: ContentKind, 
/**
 * Hours for one piece, or the minimum when it is priced per finished minute.
 */
hours: number, 
/**
 * Hours per finished minute (video), if the effort grows with length.
 */
hours_per_finished_minute: number | null, source: string, };

export type OverdueContent = { content_id: string, reason: string, };

export type FollowUpInput = { kind: ContentKind, title: string, channel: string, 
/**
 * Days after the event's last day that the draft is due.
 */
due_days: number, 
/**
 * Days after the event's last day that it publishes.
 */
publish_days: number, 
/**
 * Absent: the kind's default effort.
 */
effort_hours: number | null, };

export type FollowUpPlan = { event_id: string, talk_id: string | null, owner_id: string | null, items: Array<FollowUpInput>, };

export type Quarter = string;

export type Place = { 
/**
 * The canonical form of what was typed: an IATA code ("SFO"), a city code ("LON"), or "City, CC".
 */
label: string, 
/**
 * For display: "San Francisco International Airport", "London (all airports)", "Utrecht".
 */
name: string, city: string, 
/**
 * ISO 3166-1 alpha-2.
 */
country: string, 
/**
 * IANA zone name.
 */
timezone: string, lat: number | null, lon: number | null, };

export type TravelMode = "flight" | "train" | "car" | "bus" | "other";

export type Segment = { id: string, mode: TravelMode, from: Place, to: Place, 
/**
 * Local wall-clock time at `from`.
 */
depart_at: string, 
/**
 * Local wall-clock time at `to`.
 */
arrive_at: string, 
/**
 * Flight or train number, booking code.
 */
reference: string, };

export type ShiftDirection = "east" | "west" | "none";

export type Co2Factor = { kg_per_km: number, 
/**
 * e.g. "flight over 3,700 km (long-haul), economy, with radiative forcing, +8 % on the great-circle distance";
 * the ground modes' bases say they are approximate.
 */
basis: string, source: string, };

export type SegmentFacts = { segment_id: string, depart_utc: string, arrive_utc: string, duration_minutes: number, 
/**
 * Arrival zone's UTC offset minus the departure zone's, both taken at the departure instant
 * (so DST on the travel date counts), wrapped into (-12 h, +12 h]; positive = east. Minutes.
 */
shift_minutes: number, direction: ShiftDirection, 
/**
 * |shift| in hours (5.5 for India).
 */
zones_crossed: number, 
/**
 * At least 3 h under way in the 00:00–06:00 night of either end, arriving 04:00–11:59 local.
 */
red_eye: boolean, 
/**
 * Great-circle km between the places, when both have coordinates (rounded to whole km).
 */
distance_km: number | null, co2_kg: number | null, co2_factor: Co2Factor | null, };

export type TripFacts = { 
/**
 * In departure order.
 */
segments: Array<SegmentFacts>, leaves_utc: string | null, returns_utc: string | null, 
/**
 * Home-zone calendar date of the last arrival minus that of the first departure, in days.
 */
nights_away: number, 
/**
 * Every local date (as typed, in each segment's own wall clock) from a segment's
 * departure date to its arrival date, deduplicated, sorted.
 */
travel_days: Array<string>, 
/**
 * The largest signed shift between the home zone and any arrival place (offsets at that
 * arrival instant), wrapped as above; the body-clock change of the trip.
 */
max_shift_minutes: number, max_shift_direction: ShiftDirection, red_eyes: number, distance_km: number, co2_kg: number, 
/**
 * True when some segment has no distance (a place without coordinates) or no CO2
 * factor (mode `other`), so the totals leave it out.
 */
incomplete: boolean, };

export type TripStatus = "planned" | "confirmed" | "cancelled";

export type CostCategory = "flight" | "rail" | "hotel" | "ground" | "meals" | "registration" | "visa" | "other";

export type Payer = "company" | "sponsor" | "self";

export type CostLine = { id: string, category: CostCategory, description: string, 
/**
 * ISO 4217 code.
 */
currency: string, 
/**
 * Minor units (cents) of `currency`; at least one of planned and actual is set.
 */
planned_minor: number | null, actual_minor: number | null, 
/**
 * The day the cost falls on; its exchange rate is that day's.
 */
date: string, payer: Payer, };

export type Trip = { id: string, person_id: string, title: string, status: TripStatus, 
/**
 * The events it takes the person to.
 */
event_ids: Array<string>, 
/**
 * In travel order.
 */
segments: Array<Segment>, costs: Array<CostLine>, notes: string, created_at: string, updated_at: string, };

export type PlaceInput = { text: string, timezone?: string, };

export type SegmentInput = { id?: string, mode: TravelMode, from: PlaceInput, to: PlaceInput, depart_at: string, arrive_at: string, reference: string, };

export type CostLineInput = { id?: string, category: CostCategory, description: string, currency: string, 
/**
 * Empty when not planned.
 */
planned: string, 
/**
 * Empty until paid.
 */
actual: string, date: string, payer: Payer, };

export type TripInput = { id?: string, person_id: string, 
/**
 * Empty for "Trip to" the first destination.
 */
title: string, status: TripStatus, event_ids: Array<string>, segments: Array<SegmentInput>, costs: Array<CostLineInput>, notes: string, };

export type ConvertedAmount = { minor: number, 
/**
 * Units of the reporting currency per unit of the cost's currency.
 */
rate: string, 
/**
 * The day whose rate was used: the cost's own or the nearest earlier.
 */
rate_day: string, };

export type CostConversion = { cost_id: string, planned: ConvertedAmount | null, actual: ConvertedAmount | null, 
/**
 * "currency: no exchange rate for GBP on or before 2026-03-03; …" when a rate is missing.
 */
problem: string | null, };

export type TripFigures = { trip_id: string, facts: TripFacts | null, 
/**
 * Why the figures could not be worked out (a place whose zone is gone, say).
 */
problem: string | null, costs: Array<CostConversion>, };

export type Budget = { id: string, quarter: Quarter, 
/**
 * Absent for the team's budget.
 */
person_id: string | null, amount_minor: number, 
/**
 * ISO 4217 code; converted to the reporting currency at the quarter's first day.
 */
currency: string, 
/**
 * Percentages of the budget that raise an alert, ascending.
 */
alerts: Array<number>, created_at: string, updated_at: string, };

export type BudgetInput = { id?: string, 
/**
 * `2026Q1`.
 */
quarter: string, person_id: string | null, 
/**
 * Decimal text in `currency`: `"12000"`, `"4500.50"`.
 */
amount: string, currency: string, alerts: Array<number>, };

export type Spend = { 
/**
 * Planned company costs of trips not cancelled.
 */
planned: number, 
/**
 * Planned company costs of confirmed trips.
 */
committed: number, 
/**
 * Company costs paid so far.
 */
actual: number, 
/**
 * What the quarter will cost the budget: each line's actual, else its plan (cancelled trips: actual only).
 */
forecast: number, 
/**
 * Shown, never charged: what sponsors and the travellers themselves pay.
 */
sponsor: number, traveller: number, };

export type BudgetAlert = { threshold: number, message: string, };

export type BudgetRow = { 
/**
 * Absent on the team's row.
 */
person_id: string | null, name: string, budget_id: string | null, 
/**
 * The budget in the reporting currency; absent when none is set (or its rate is missing).
 */
budget_minor: number | null, 
/**
 * The budget as entered, and the rate used when its currency differs: "5000.00 USD at 0.925926 (2026-10-01)".
 */
budget_entered: string | null, alerts: Array<number>, spend: Spend, remaining_minor: number | null, 
/**
 * Forecast as a share of the budget, in percent.
 */
used_percent: number | null, alert: BudgetAlert | null, };

export type BudgetReport = { quarter: Quarter, 
/**
 * Which quarter a trip's costs count in, and the sentence that says so.
 */
rule: BudgetQuarterRule, rule_sentence: string, 
/**
 * The reporting currency every figure is in.
 */
currency: string, 
/**
 * One row per person with a budget or a cost in the quarter, by name.
 */
people: Array<BudgetRow>, 
/**
 * The team's budget against everyone's costs.
 */
team: BudgetRow, 
/**
 * Costs and budgets left out for want of a rate, each naming the currency and day.
 */
unconverted: Array<string>, };

export type RateSource = "ecb" | "manual" | "sample";

export type ExchangeRate = { currency: string, day: string, 
/**
 * Units of `currency` per euro, as decimal text (`1.0823`).
 */
rate: string, source: RateSource, };

export type RateInput = { currency: string, day: string, rate: string, };

export type RateSummary = { currency: string, days: number, first_day: string, last_day: string, 
/**
 * The rate on `last_day`.
 */
latest: string, latest_source: RateSource, };

export type SkippedLine = { 
/**
 * 1-based, as an editor shows it.
 */
line: number, reason: string, };

export type RatesImport = { 
/**
 * Rates written (new or changed).
 */
rates: number, days: number, currencies: Array<string>, first_day: string | null, last_day: string | null, 
/**
 * Lines left out, by number, with why.
 */
skipped: Array<SkippedLine>, 
/**
 * Columns left out: codes that are not a current ISO 4217 currency
 * (the full history's retired CYP, EEK, LTL, …).
 */
skipped_columns: Array<string>, };

export type Level = "green" | "amber" | "red";

export type RuleId = "load_percent" | "long_week" | "nights_away" | "trip_weeks" | "jet_lag" | "no_buffer" | "red_eye_work" | "back_to_back" | "weekend_owed" | "after_hours" | "focus_time" | "new_material" | "deadline_on_travel" | "long_stretch" | "chronic";

export type Flag = { rule: RuleId, 
/**
 * The rule's number in the workload model, 1 to 15.
 */
number: number, level: Level, 
/**
 * One sentence with the numbers that triggered it.
 */
sentence: string, fix: string, };

export type HoursByKind = { 
/**
 * Days at events (speaking, booth, organising, attending) and their evenings.
 */
events: number, travel: number, talk_prep: number, workshop_prep: number, content: number, 
/**
 * Busy time imported from other calendars.
 */
meetings: number, };

export type WeekLoad = { 
/**
 * The Monday the week starts.
 */
week: string, 
/**
 * Contract hours on working days not taken off, less jet-lag recovery.
 */
available_hours: number, planned: HoursByKind, planned_hours: number, 
/**
 * Planned hours outside the working day: meetups, speaker dinners, late calls.
 */
after_hours: number, 
/**
 * Hours in free blocks long enough to prepare in.
 */
focus_hours: number, 
/**
 * Planned over available, in percent; absent when nothing is available.
 */
load_percent: number | null, nights_away: number, level: Level, 
/**
 * Every rule that fired, worst first; the first three are the ones to show.
 */
flags: Array<Flag>, };

export type PersonLoad = { person_id: string, name: string, weeks: Array<WeekLoad>, 
/**
 * Nights away from home in the 30 days up to `as_of`.
 */
nights_away_30d: number, 
/**
 * Weeks with a night away in `as_of`'s calendar year, up to `as_of`.
 */
trip_weeks_this_year: number, 
/**
 * Weekend days worked (travel or events) not yet given back on `as_of`, while they still can be.
 */
days_off_owed: number, 
/**
 * Red weeks from `as_of` on count 3, amber 1: the sort key for "most at risk first".
 */
risk: number, 
/**
 * Records the model had to leave out, with why (a trip whose place lost its zone).
 */
skipped: Array<string>, };

export type TeamWeek = { week: string, amber: number | null, red: number | null, 
/**
 * Share of people at amber or red, in percent.
 */
at_risk_percent: number | null, };

export type TeamLoad = { from: string, weeks: number, as_of: string, 
/**
 * Most at risk first.
 */
people: Array<PersonLoad>, strip: Array<TeamWeek>, 
/**
 * Roll-ups are withheld for groups smaller than this.
 */
min_group: number, nights_away_30d: number | null, trip_weeks_this_year: number | null, days_off_owed: number | null, };

export type ThresholdGroup = "hours" | "load_percent" | "long_week" | "nights_away" | "trip_weeks" | "jet_lag" | "no_buffer" | "red_eye_work" | "back_to_back" | "weekend_owed" | "after_hours" | "focus_time" | "new_material" | "deadline_on_travel" | "long_stretch" | "chronic";

export type ThresholdSpec = { key: string, group: ThresholdGroup, label: string, unit: string, default: number, min: number, max: number, source: string, };

export type ThresholdsView = { specs: Array<ThresholdSpec>, team: { [key in string]: number }, people: { [key in string]: { [key in string]: number } }, };

export type WeekChange = { person_id: string, name: string, week: string, before: WeekLoad, after: WeekLoad, };

export type PlanChange = { "kind": "submission", "input": SubmissionInput } | { "kind": "event", "input": EventInput } | { "kind": "trip", "input": TripInput };

export type Holiday = { name: string, start: string, 
/**
 * Last day (inclusive).
 */
end: string, };

export type HolidayImport = { 
/**
 * Holidays in the file.
 */
holidays: number, people: number, 
/**
 * Days off added, one per holiday per person.
 */
added: number, 
/**
 * Already there with the same dates, so left alone.
 */
unchanged: number, };

export type CalendarKind = "events" | "trips" | "cfp" | "talks" | "content" | "imported";

export type ImportCount = { 
/**
 * VEVENTs in the file.
 */
read: number, 
/**
 * Events and series kept, a series once: what the Calendars panel lists.
 */
events: number, 
/**
 * Changed single occurrences of a series (RECURRENCE-ID), kept with it.
 */
changes: number, 
/**
 * Older copies of an event (a lower SEQUENCE) skipped for the newer one.
 */
superseded: number, 
/**
 * VEVENTs left out as unreadable, each with a warning.
 */
left_out: number, };

export type CalendarImport = { calendar: string, 
/**
 * Events and series kept, a series once: as the Calendars panel counts them.
 */
events: number, 
/**
 * How the file's VEVENTs came to `events`, and the sentence that says so.
 */
count: ImportCount, count_sentence: string, added: number, updated: number, 
/**
 * Already there with the same or a newer SEQUENCE.
 */
unchanged: number, 
/**
 * VTODOs and other non-events, which are not busy time.
 */
not_events: number, warnings: Array<string>, };

export type ImportedCalendar = { person_id: string, calendar: string, 
/**
 * Series and single events, a series once.
 */
events: number, 
/**
 * Changed single occurrences of its series, counted apart (an import's "changes").
 */
changes: number, imported_at: string, };

export type CalendarExport = { person_ids: Array<string>, kinds: Array<CalendarKind>, from: string | null, to: string | null, 
/**
 * Reminders before CFP deadlines, like `7d,1d`.
 */
cfp_alarms: string, };

export type CalendarProgress = { done: number, total: number, };

export type BackupFile = { name: string, 
/**
 * The day of a daily backup; none for other files.
 */
day: string | null, before_restore: boolean, bytes: number, modified: string | null, };

export type BackupList = { keep_days: number, files: Array<BackupFile>, };

export type BackupShown = { name: string, bytes: number, schema_version: number, people: number, };

export type RestoreShown = { from: BackupShown, 
/**
 * The plan as it was just before, kept in the backup folder.
 */
previous: BackupShown, migrated_from: number | null, };

export type Picked<T> = { "outcome": "done", "value": T } | { "outcome": "cancelled" };

export type ChosenFile = { token: string, 
/**
 * The file's name, without its folder.
 */
name: string, };

export type WrittenCalendar = { name: string, events: number, };

export type WrittenKind = "quarter_report" | "calendar" | "calendar_folder";

export type PlanView = { people: Array<Person>, events: Array<Event>, participations: Array<Participation>, time_off: Array<TimeOff>, talks: Array<Talk>, talk_versions: Array<TalkVersion>, submissions: Array<Submission>, content: Array<ContentItem>, settings: Settings, 
/**
 * Calls for papers closing in the next `CFP_WINDOW_DAYS` days.
 */
cfps_closing: Array<CfpClosing>, scores: Array<EventScore>, acceptance: AcceptanceReport, 
/**
 * Content late on `today`, with why.
 */
content_overdue: Array<OverdueContent>, 
/**
 * Each kind's default effort and its source, for the content form.
 */
effort_defaults: Array<EffortDefault>, trips: Array<Trip>, 
/**
 * What each trip does to its traveller and costs, one per trip.
 */
travel: Array<TripFigures>, budgets: Array<Budget>, 
/**
 * Everyone's weekly load, 12 weeks back to 16 ahead, most at risk first.
 */
load: TeamLoad, thresholds: ThresholdsView, 
/**
 * Other calendars imported as busy time, per person.
 */
calendars: Array<ImportedCalendar>, 
/**
 * Which person uses this plan file, for the views and forms that start on them.
 */
me: Me, };

export type DevrelFunction = "engagement" | "education" | "advocacy" | "outreach";

export type ActivityRef = { "kind": "event", "id": string } | { "kind": "talk", "id": string } | { "kind": "content", "id": string };

export type ActivityFunction = { activity: ActivityRef, function: DevrelFunction, };

export type FunctionChoice = { activity: ActivityRef, function: DevrelFunction | null, };

export type GoalMetric = "talks" | "new_talks" | "workshops" | "conferences" | "meetups" | "events" | "posts" | "videos" | "content";

export type Goal = { id: string, quarter: Quarter, 
/**
 * Absent for a team goal.
 */
person_id: string | null, metric: GoalMetric, target: number, note: string, created_at: string, updated_at: string, };

export type GoalInput = { id?: string, 
/**
 * `2026Q1`.
 */
quarter: string, person_id: string | null, metric: GoalMetric, 
/**
 * A whole number of at least 0, as text or a number.
 */
target: string | number, note: string, };

export type TargetMix = { quarter: Quarter, 
/**
 * Absent for the team's mix, which people without their own follow.
 */
person_id: string | null, 
/**
 * Percent per function, in `DevrelFunction::ALL` order; they sum to 100.
 */
engagement: number, education: number, advocacy: number, outreach: number, updated_at: string, };

export type TargetMixInput = { quarter: string, person_id: string | null, 
/**
 * Whole percentages, as text or numbers; together 100.
 */
engagement: string | number, education: string | number, advocacy: string | number, outreach: string | number, };

export type OutcomeOf = { "kind": "event", "id": string } | { "kind": "submission", "id": string } | { "kind": "content", "id": string };

export type Outcome = { id: string, of: OutcomeOf, 
/**
 * People in the room (or watching live).
 */
attendance: number | null, 
/**
 * The talk's rating from its audience, 1 to 5.
 */
rating: number | null, views: number | null, signups: number | null, leads: number | null, 
/**
 * Product feedback items brought back.
 */
feedback_items: number | null, notes: string, recorded_on: string, created_at: string, updated_at: string, };

export type OutcomeInput = { id?: string, of: OutcomeOf, 
/**
 * Each figure is a whole number of at least 0, as text or a number; empty or null when not known.
 */
attendance: string | number | null, 
/**
 * 1 to 5, decimals allowed.
 */
rating: string | number | null, views: string | number | null, signups: string | number | null, leads: string | number | null, feedback_items: string | number | null, notes: string, recorded_on: string, };

export type Stage = "planned" | "confirmed" | "done" | "dropped";

export type RecordRef = { kind: RecordKind, id: string, };

export type WeekStrip = { week: string, 
/**
 * The person's level; for the team, the worst anyone has.
 */
level: Level, load_percent: number | null, planned_hours: number, available_hours: number, red: number, amber: number, 
/**
 * Why, in one line: the worst rule's sentence, or who is at risk.
 */
reason: string, };

export type LaneKind = "events" | "talks" | "content" | "cfp" | "time_off";

export type Lane = { kind: LaneKind, label: string, items: Array<LaneItem>, };

export type LaneItem = { opens: RecordRef, label: string, 
/**
 * One line for the tooltip: status, place, people, travel or prep.
 */
detail: string, start: string, end: string, 
/**
 * Where the lead-in starts: travel out for events, preparation for talks, drafting for content.
 */
lead_from: string | null, 
/**
 * Where the tail ends: travel home.
 */
tail_to: string | null, status: string, stage: Stage, person_ids: Array<string>, };

export type GoalState = "met" | "on_track" | "planned" | "short";

export type GoalProgress = { goal: Goal, 
/**
 * `6 talks`.
 */
label: string, planned: number, confirmed: number, done: number, 
/**
 * How many more the plan needs to reach the target.
 */
gap: number, state: GoalState, 
/**
 * `4 planned of 6 (2 short); 3 confirmed, 1 done`.
 */
sentence: string, 
/**
 * What counts towards it, as the timeline names it.
 */
items: Array<string>, };

export type BudgetProgress = { budget_id: string, 
/**
 * The ceiling in the reporting currency, when it converts.
 */
budget_minor: number | null, 
/**
 * As entered: `12,000.00 EUR`.
 */
entered: string, planned: number, committed: number, actual: number, forecast: number, 
/**
 * The forecast stays within the ceiling.
 */
within: boolean, sentence: string, 
/**
 * Which quarter a trip's costs count in, in a sentence (the team's setting).
 */
rule: string, };

export type FunctionShare = { function: DevrelFunction, hours: number, 
/**
 * Share of `total_hours`, in percent (0 when there are no hours).
 */
percent: number, target: number | null, };

export type Activity = { activity: ActivityRef, opens: RecordRef, label: string, 
/**
 * `Conference`, `Talk`, `Blog post`.
 */
kind_label: string, function: DevrelFunction, default_function: DevrelFunction, hours: number, stage: Stage, };

export type Balance = { 
/**
 * Planned hours of every activity counted (not dropped).
 */
total_hours: number, 
/**
 * In `DevrelFunction::ALL` order.
 */
functions: Array<FunctionShare>, mix: TargetMix | null, 
/**
 * Whose mix applies: `Maya Okafor's own`, `the team's`, or empty when none is set.
 */
mix_source: string, activities: Array<Activity>, };

export type KindCount = { 
/**
 * `conference`, `talk`, `blog_post`.
 */
kind: string, label: string, planned: number, confirmed: number, done: number, };

export type ImpactRow = { of: OutcomeOf, opens: RecordRef, label: string, kind_label: string, 
/**
 * The day it happened (or was published).
 */
day: string, done: boolean, 
/**
 * Effort: event days and travel, talk preparation, writing.
 */
hours: number, 
/**
 * Company travel cost charged to it (events only), in the reporting currency.
 */
cost_minor: number | null, outcome: Outcome | null, cost_per_attendee_minor: number | null, hours_per_view: number | null, };

export type ImpactTotals = { attendance: number, views: number, signups: number, leads: number, feedback_items: number, 
/**
 * Mean of the talk ratings recorded.
 */
rating: number | null, 
/**
 * Effort of the items with an outcome.
 */
hours: number, cost_minor: number, cost_per_attendee_minor: number | null, hours_per_view: number | null, };

export type Impact = { rows: Array<ImpactRow>, totals: ImpactTotals, 
/**
 * Done items still waiting for their outcome.
 */
awaiting: number, };

export type QuarterView = { quarter: Quarter, previous: Quarter, next: Quarter, first_day: string, last_day: string, today: string, 
/**
 * Absent for the team.
 */
person_id: string | null, 
/**
 * The person's name, or "Team".
 */
scope_name: string, 
/**
 * The Monday of every week that touches the quarter.
 */
weeks: Array<string>, 
/**
 * The load strip: one entry per week in `weeks`.
 */
load: Array<WeekStrip>, lanes: Array<Lane>, goals: Array<GoalProgress>, 
/**
 * The quarter's travel budget (the person's, or the team's) against its spend.
 */
budget: BudgetProgress | null, balance: Balance, counts: Array<KindCount>, impact: Impact, 
/**
 * The reporting currency every amount is in.
 */
currency: string, 
/**
 * Cost lines left out of event costs for want of an exchange rate, with why.
 */
unconverted: Array<string>, };

export type CountsAs = "busy" | "out-of-office" | "ignore";

export type CalendarChoice = { href: string, name: string | null, 
/**
 * The kinds of item it accepts (`VEVENT`, `VTODO`…).
 */
components: Array<string>, 
/**
 * The kind Quarterdeck publishes there: then it is not the person's to pick.
 */
publishes: CalendarKind | null, 
/**
 * How its events count; None for a calendar Quarterdeck publishes to.
 */
counts_as: CountsAs | null, };

export type PasswordKept = "keychain" | "memory" | "unknown" | "missing";

export type AccountShown = { server_url: string, user_name: string, person_id: string, person_name: string, 
/**
 * Where the password is kept: the keychain, or memory for this run only.
 */
password: PasswordKept, };

export type SyncCounts = { created: number, updated: number, deleted: number, busy_calendars: number, busy_added: number, busy_updated: number, busy_removed: number, };

export type CalendarSyncState = { 
/**
 * None: no calendar server is connected.
 */
account: AccountShown | null, syncing: boolean, 
/**
 * The last sync that worked, this run.
 */
last_synced_at: string | null, 
/**
 * Plan items not yet on the server (new, changed or deleted since the last sync).
 */
changes_waiting: number | null, last_error: string | null, last_sync: SyncCounts | null, 
/**
 * What the last sync has to say: conflicts, events left out, edits resolved.
 */
notes: Array<string>, };

export type ServerLogin = { server_url: string, user: string, 
/**
 * Kept in the keychain once the server accepted it; never in the plan.
 */
password: string, 
/**
 * The person of the plan whose items are published.
 */
me: string, };

export const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export const TIME_OFF_KINDS: readonly TimeOffKind[] = ["vacation", "public_holiday", "day_in_lieu", "sick", "other"];

export const EVENT_KINDS: readonly EventKind[] = ["conference", "meetup", "workshop", "hackathon", "webinar", "livestream", "other"];

export const EVENT_STATUSES: readonly EventStatus[] = ["considering", "cfp_open", "submitted", "accepted", "waitlisted", "rejected", "confirmed", "done", "cancelled"];

export const PARTICIPATION_ROLES: readonly ParticipationRole[] = ["speaker", "booth", "organiser", "attendee", "sponsor_host"];

export const TALK_FORMATS: readonly TalkFormat[] = ["talk", "lightning", "keynote", "workshop", "panel"];

export const TALK_LEVELS: readonly TalkLevel[] = ["beginner", "intermediate", "advanced", "all_levels"];

export const TALK_STATUSES: readonly TalkStatus[] = ["idea", "drafting", "ready", "retired"];

export const SUBMISSION_STATUSES: readonly SubmissionStatus[] = ["draft", "submitted", "accepted", "rejected", "waitlisted", "withdrawn", "confirmed"];

export const CONTENT_KINDS: readonly ContentKind[] = ["blog_post", "tutorial", "video", "docs_page", "newsletter", "podcast", "sample_app", "social_thread"];

export const CONTENT_STATUSES: readonly ContentStatus[] = ["idea", "drafting", "review", "scheduled", "published", "dropped"];

export const TRAVEL_MODES: readonly TravelMode[] = ["flight", "train", "car", "bus", "other"];

export const TRIP_STATUSES: readonly TripStatus[] = ["planned", "confirmed", "cancelled"];

export const COST_CATEGORIES: readonly CostCategory[] = ["flight", "rail", "hotel", "ground", "meals", "registration", "visa", "other"];

export const PAYERS: readonly Payer[] = ["company", "sponsor", "self"];

export const LEVELS: readonly Level[] = ["green", "amber", "red"];

export const RULE_IDS: readonly RuleId[] = ["load_percent", "long_week", "nights_away", "trip_weeks", "jet_lag", "no_buffer", "red_eye_work", "back_to_back", "weekend_owed", "after_hours", "focus_time", "new_material", "deadline_on_travel", "long_stretch", "chronic"];

export const THRESHOLD_GROUPS: readonly ThresholdGroup[] = ["hours", "load_percent", "long_week", "nights_away", "trip_weeks", "jet_lag", "no_buffer", "red_eye_work", "back_to_back", "weekend_owed", "after_hours", "focus_time", "new_material", "deadline_on_travel", "long_stretch", "chronic"];

export const CALENDAR_KINDS: readonly CalendarKind[] = ["events", "trips", "cfp", "talks", "content", "imported"];

export const DEVREL_FUNCTIONS: readonly DevrelFunction[] = ["engagement", "education", "advocacy", "outreach"];

export const GOAL_METRICS: readonly GoalMetric[] = ["talks", "new_talks", "workshops", "conferences", "meetups", "events", "posts", "videos", "content"];

export const LANE_KINDS: readonly LaneKind[] = ["events", "talks", "content", "cfp", "time_off"];

export const COUNTS_AS: readonly CountsAs[] = ["busy", "out-of-office", "ignore"];
