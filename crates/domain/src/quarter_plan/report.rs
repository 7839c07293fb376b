//! The quarter report: a self-contained, printable HTML report of a person's (or
//! the team's) quarter for a manager — a one-page summary first (goals, budget,
//! balance, risk), then the details: goals against the plan, the travel budget,
//! program balance, load per week, outcomes and counts. The team's report follows
//! the heat map's privacy (`privacy`): levels and reasons per person, hours only
//! in each person's own report. Drawn
//! from the computed `QuarterView`; charts are plotters SVG, inlined, so the
//! file needs nothing from the network and prints as it shows.

mod balance;
mod charts;
mod format;
mod goals;
mod load;
mod outcomes;
mod privacy;
mod summary;

use chrono::NaiveDate;

use super::view::QuarterView;
use format::escape;

/// The report for `main` (a person's or the team's quarter); `people` holds each
/// person's own QuarterView for the team report's people × weeks load grid (empty for a person's report).
/// Figures and days are written as `locale` (a BCP 47 tag, `de-DE`) writes them; the words stay English.
pub fn html(main: &QuarterView, people: &[QuarterView], generated_on: NaiveDate, locale: &str) -> String {
    format::writing_as(format::Figures::of(locale), || page(main, people, generated_on))
}

fn page(main: &QuarterView, people: &[QuarterView], generated_on: NaiveDate) -> String {
    let title = format!("Quarter report — {}, {}", escape(&main.scope_name), main.quarter.label());
    let mut page = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n"
    );
    let audience = privacy::Audience::of(main, people);
    page.push_str(&header(main, &title, generated_on));
    page.push_str(&summary::section(main, audience));
    // The details start on a page of their own, so that the summary prints as one page.
    page.push_str("<div class=\"details\">\n");
    page.push_str(&goals::section(main));
    page.push_str(&balance::section(main, audience));
    page.push_str(&load::section(main, people, audience));
    page.push_str(&outcomes::section(main));
    page.push_str(&outcomes::counts(main));
    page.push_str("</div>\n</body>\n</html>\n");
    page
}

fn header(view: &QuarterView, title: &str, generated_on: NaiveDate) -> String {
    format!(
        "<header>\n<h1>{title}</h1>\n<p class=\"meta\">{} · figures as of {} · generated {} · \
         amounts in {}</p>\n</header>\n",
        format::range(view.first_day, view.last_day),
        format::day(view.today),
        format::day(generated_on),
        escape(&view.currency),
    )
}

/// A chart with its caption; when plotters could not draw it, says so in its place.
fn figure(chart: Result<String, String>, caption: &str) -> String {
    match chart {
        Ok(svg) => format!("<figure>\n{svg}<figcaption>{caption}</figcaption>\n</figure>\n"),
        Err(why) => format!("<p class=\"chart-error\">The chart could not be drawn: {}</p>\n", escape(&why)),
    }
}

/// Screen and print alike; colours print too (`print-color-adjust`), since the levels are colours.
const STYLE: &str = r#"body { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: #1f2933; background: #fff; margin: 24px auto; max-width: 1120px; padding: 0 16px; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 20px; margin: 0 0 2px; }
h2 { font-size: 15px; margin: 0 0 6px; padding-bottom: 2px; border-bottom: 1px solid #cbd2d9; }
h3 { font-size: 13px; margin: 12px 0 4px; }
.meta { color: #52606d; margin: 0 0 16px; }
section { margin: 0 0 20px; break-inside: avoid; page-break-inside: avoid; }
p { margin: 4px 0; }
.none { color: #52606d; font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: 12px; font-variant-numeric: tabular-nums; margin: 4px 0; }
th, td { border-bottom: 1px solid #e4e7eb; padding: 3px 6px; text-align: left; vertical-align: top; }
thead th { border-bottom: 1px solid #9aa5b1; font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
thead th.num { white-space: normal; }
.day { white-space: nowrap; }
tfoot td { font-weight: 600; border-top: 1px solid #9aa5b1; }
.note, .key { color: #52606d; font-size: 11px; }
tr.has-notes td { border-bottom: none; }
tr.notes td { padding-top: 0; color: #52606d; white-space: pre-line; }
.per-thousand { color: #52606d; }
.awaiting { color: #8d5b00; font-style: italic; }
.state-met, .state-on_track { color: #2f6b3b; }
.state-short { color: #a33a3a; }
table.counts { width: auto; }
table.grid td.level { text-align: center; white-space: nowrap; }
.lvl-green { background: #dcefdc; }
.lvl-amber { background: #f8e3b8; }
.lvl-red { background: #f3c9c7; }
.key span, .reasons span { padding: 0 4px; border-radius: 2px; }
.reasons { margin: 4px 0; padding-left: 18px; font-size: 12px; }
figure { margin: 8px 0; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: #52606d; font-size: 11px; }
.chart-error { color: #a33a3a; }
.summary .tiles { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 24px; }
.summary ul { margin: 4px 0; padding-left: 18px; }
.details { break-before: page; page-break-before: always; margin-top: 24px; }
@page { margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10px; }
  table { font-size: 9px; }
  th, td { padding: 2px 3px; }
  table.outcomes th, table.outcomes td { padding: 2px; }
  .reasons { font-size: 9px; }
  h1 { font-size: 16px; }
  h2 { font-size: 12px; }
  section { margin-bottom: 10px; }
  .meta { font-size: 9px; }
  .note, .key, figcaption { font-size: 8px; }
  figure svg { width: auto; max-height: 48mm; }
}
"#;

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate, Utc};
    use uuid::Uuid;

    use super::*;
    use crate::deletion::RecordKind;
    use crate::load::Level;
    use crate::quarter::Quarter;
    use crate::quarter_plan::function::DevrelFunction;
    use crate::quarter_plan::goal::{Goal, GoalMetric};
    use crate::quarter_plan::mix::TargetMix;
    use crate::quarter_plan::outcome::{Outcome, OutcomeOf};
    use crate::quarter_plan::view::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn stamp() -> DateTime<Utc> {
        day(1, 5).and_hms_opt(9, 0, 0).unwrap().and_utc()
    }

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn goal(
        metric: GoalMetric,
        target: u32,
        (planned, confirmed, done): (u32, u32, u32),
        state: GoalState,
    ) -> GoalProgress {
        let quarter = Quarter::parse("quarter", "2026Q1").unwrap();
        let goal = Goal {
            id: id(u128::from(target)),
            quarter,
            person_id: None,
            metric,
            target,
            note: "Ask Sam & \"the board\" first".into(),
            created_at: stamp(),
            updated_at: stamp(),
        };
        GoalProgress {
            goal,
            label: metric.count_label(target),
            planned,
            confirmed,
            done,
            gap: target.saturating_sub(planned),
            state,
            sentence: format!("{planned} planned of {target}; {confirmed} confirmed, {done} done"),
            items: vec![],
        }
    }

    fn outcome(of: OutcomeOf, attendance: Option<u32>, views: Option<u32>, notes: &str) -> Outcome {
        Outcome {
            id: id(99),
            of,
            attendance,
            rating: attendance.map(|_| 4.6),
            views,
            signups: Some(12),
            leads: Some(1_250),
            feedback_items: Some(3),
            notes: notes.into(),
            recorded_on: day(3, 2),
            created_at: stamp(),
            updated_at: stamp(),
        }
    }

    fn impact_row(
        n: u128,
        label: &str,
        kind_label: &str,
        on: NaiveDate,
        hours: f64,
        cost_minor: Option<i64>,
    ) -> ImpactRow {
        ImpactRow {
            of: OutcomeOf::Event(id(n)),
            opens: RecordRef { kind: RecordKind::Event, id: id(n) },
            label: label.into(),
            kind_label: kind_label.into(),
            day: on,
            done: true,
            hours,
            cost_minor,
            outcome: None,
            cost_per_attendee_minor: None,
            hours_per_view: None,
        }
    }

    /// A team's first quarter of 2026: two goals, a budget, a mix, a strip with
    /// one amber and one red week, a conference with its outcome, a post with
    /// views, and a talk awaiting its outcome whose title tries to inject a script.
    fn team_view() -> QuarterView {
        let quarter = Quarter::parse("quarter", "2026Q1").unwrap();
        let weeks = crate::quarter_plan::weeks(quarter);
        let load = weeks
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let level = match i {
                    3 => Level::Amber,
                    7 => Level::Red,
                    _ => Level::Green,
                };
                WeekStrip {
                    week: *w,
                    level,
                    load_percent: if i == 0 { None } else { Some(40.0 + 7.0 * i as f64) },
                    planned_hours: 10.0 + 3.0 * i as f64,
                    available_hours: if i == 0 { 24.0 } else { 40.0 },
                    red: u32::from(level == Level::Red),
                    amber: u32::from(level == Level::Amber),
                    reason: match level {
                        Level::Green => String::new(),
                        Level::Amber => "Maya: 3 nights away \"in a row\"".into(),
                        Level::Red => "Ravi <b>over</b> 120 % of capacity".into(),
                    },
                }
            })
            .collect();
        let mix = TargetMix {
            quarter,
            person_id: None,
            engagement: 30,
            education: 30,
            advocacy: 15,
            outreach: 25,
            updated_at: stamp(),
        };
        let shares = [(40.0, 30), (80.0, 30), (10.0, 15), (70.0, 25)];
        let functions = (DevrelFunction::ALL.iter().zip(shares))
            .map(|(f, (hours, target))| FunctionShare {
                function: *f,
                hours,
                percent: hours / 2.0,
                target: Some(target),
            })
            .collect();
        let mut conference = impact_row(1, "DevConf Berlin", "Conference", day(2, 12), 42.5, Some(185_000));
        conference.outcome = Some(outcome(conference.of, Some(120), None, "Booth was busy;\nfollow up with ACME"));
        conference.cost_per_attendee_minor = Some(185_000 / 120);
        let mut post = impact_row(2, "Why queues <matter>", "Blog post", day(2, 20), 10.0, None);
        post.of = OutcomeOf::Content(id(2));
        post.opens = RecordRef { kind: RecordKind::Content, id: id(2) };
        post.outcome = Some(outcome(post.of, None, Some(2_500), ""));
        post.hours_per_view = Some(10.0 / 2_500.0);
        let talk = impact_row(3, "<script>alert(1)</script> at RustConf", "Talk", day(3, 10), 14.0, None);
        QuarterView {
            quarter,
            previous: quarter.previous(),
            next: quarter.next(),
            first_day: quarter.first_day(),
            last_day: quarter.last_day(),
            today: day(3, 16),
            person_id: None,
            scope_name: "Team".into(),
            weeks,
            load,
            lanes: vec![],
            goals: vec![
                goal(GoalMetric::Talks, 6, (4, 3, 1), GoalState::Short),
                goal(GoalMetric::Posts, 2, (3, 2, 2), GoalState::Met),
            ],
            budget: Some(BudgetProgress {
                budget_id: id(7),
                budget_minor: Some(1_200_000),
                entered: "12,000.00 EUR".into(),
                planned: 830_000,
                committed: 512_345,
                actual: 310_000,
                forecast: 1_254_000,
                within: false,
                sentence: "12540.00 EUR forecast is 540.00 EUR over 12,000.00 EUR".into(),
                rule: "Costs count in the quarter the trip starts in.".into(),
            }),
            balance: Balance {
                total_hours: 200.0,
                functions,
                mix: Some(mix),
                mix_source: "the team's".into(),
                activities: vec![],
            },
            counts: vec![KindCount { kind: "talk".into(), label: "Talks".into(), planned: 4, confirmed: 3, done: 1 }],
            impact: Impact {
                totals: ImpactTotals {
                    attendance: 120,
                    views: 2_500,
                    signups: 24,
                    leads: 2_500,
                    feedback_items: 6,
                    rating: Some(4.6),
                    hours: 52.5,
                    cost_minor: 185_000,
                    cost_per_attendee_minor: Some(185_000 / 120),
                    hours_per_view: Some(10.0 / 2_500.0),
                },
                rows: vec![conference, post, talk],
                awaiting: 1,
            },
            currency: "EUR".into(),
            unconverted: vec!["Taxi 40.00 <GBP> on 2026-02-11".into()],
        }
    }

    /// The team's members as the grid shows them, each with a level of their own in week 3.
    fn people(team: &QuarterView) -> Vec<QuarterView> {
        [("Maya O'Neil", Level::Amber), ("Ravi <i>Rao</i>", Level::Red)]
            .into_iter()
            .map(|(name, level)| {
                let mut person = team.clone();
                person.scope_name = name.into();
                person.load[3].level = level;
                person.load[3].reason = format!("{name} is {level}");
                person
            })
            .collect()
    }

    /// Five members: enough for the team's roll-ups of hours to show.
    fn five(team: &QuarterView) -> Vec<QuarterView> {
        (0..5)
            .map(|i| {
                let mut person = team.clone();
                person.scope_name = format!("Person {i}");
                person
            })
            .collect()
    }

    #[test]
    fn the_summary_comes_first_and_the_details_start_a_new_page() {
        let page = html(&team_view(), &[], generated(), "en-US");
        let summary = page.find("<section id=\"summary\"").expect("a summary");
        let details = page.find("<div class=\"details\">").expect("details");
        for section in ["goals", "balance", "load", "outcomes"] {
            let at = page.find(&format!("<section id=\"{section}\">")).unwrap();
            assert!(summary < details && details < at, "{section} comes after the summary, in the details");
        }
        assert!(page.contains(".details { break-before: page; page-break-before: always;"));
        let summary = between(&page, "<section id=\"summary\"", "</section>");
        for part in [
            "<li><strong>6 talks</strong>: <span class=\"state-short\">short by 2</span></li>",
            "12,540.00 EUR forecast, 540.00 EUR over the budget of 12,000.00 EUR.",
            "Costs count in the quarter the trip starts in.",
            "Education 40 % (target 30 %)",
            "14 weeks: 1 amber, 1 red.",
            "<li><span class=\"lvl-red\">red</span> week of Feb 16: Ravi &lt;b&gt;over&lt;/b&gt; 120 % of capacity</li>",
        ] {
            assert!(summary.contains(part), "{part:?} missing from the summary: {summary}");
        }
        let red = summary.find("lvl-red").unwrap();
        assert!(red < summary.find("lvl-amber").unwrap(), "the worst week first");
    }

    #[test]
    fn a_team_report_shows_levels_and_reasons_but_no_persons_hours() {
        let team = team_view();
        // Each person's own figures, unlike anything else on the page.
        let mut people = people(&team);
        for p in &mut people {
            for w in &mut p.load {
                w.load_percent = Some(123.0);
                w.planned_hours = 77.7;
            }
        }
        let page = html(&team, &people, generated(), "en-US");
        assert!(!page.contains("123 %") && !page.contains("77.7"), "a person's hours or load in the team report");
        assert!(page.contains("title=\"Ravi &lt;i&gt;Rao&lt;/i&gt; is red\">red</td>"), "their level and reason");
        // Two people: the team's hours would be theirs, so they are withheld too.
        assert!(page.contains("Hours withheld: a roll-up of fewer than 5 people"));
        assert!(!page.contains("200.0 h planned in all") && !page.contains("Available hours"), "no team hours");
        let balance = between(&page, "<tr><td>Education", "</tr>");
        assert!(!balance.contains(" h<") && balance.contains("40 %"), "shares only: {balance}");

        // Five people: the team's roll-ups show; each person's load still does not.
        let mut five = five(&team);
        five.iter_mut().for_each(|p| p.load.iter_mut().for_each(|w| w.load_percent = Some(123.0)));
        let page = html(&team, &five, generated(), "en-US");
        assert!(page.contains("200.0 h planned in all") && page.contains("Available hours"));
        assert!(!page.contains("Hours withheld") && !page.contains("123 %"));

        // The person's own report has their own hours.
        let mut own = people[1].clone();
        own.person_id = Some(id(42));
        assert!(html(&own, &[], generated(), "en-US").contains(">123 %</td>"));
    }

    /// The text between `from` and the next `to`, after it.
    fn between<'a>(page: &'a str, from: &str, to: &str) -> &'a str {
        let start = page.find(from).unwrap_or_else(|| panic!("{from:?} is not in the report"));
        let rest = &page[start..];
        &rest[..rest.find(to).unwrap_or(rest.len())]
    }

    fn generated() -> NaiveDate {
        day(3, 20)
    }

    #[test]
    fn the_sections_come_in_order_with_a_header_naming_the_scope_and_quarter() {
        let page = html(&team_view(), &[], generated(), "en-US");
        assert!(page.starts_with("<!doctype html>"));
        assert!(page.contains("<meta charset=\"utf-8\">"));
        assert!(page.contains("<title>Quarter report — Team, 2026 Q1</title>"));
        assert!(page.contains("<h1>Quarter report — Team, 2026 Q1</h1>"));
        let meta = between(&page, "<p class=\"meta\">", "</p>");
        for part in ["Jan 1 – Mar 31, 2026", "as of Mar 16, 2026", "generated Mar 20, 2026", "amounts in EUR"] {
            assert!(meta.contains(part), "{part:?} missing from {meta}");
        }
        let headings = [
            "<h2>Summary</h2>",
            "<div class=\"details\">",
            "<h2>Goals vs plan vs done</h2>",
            "<h3>Travel budget</h3>",
            "<h2>Program balance</h2>",
            "<h2>Load levels per week</h2>",
            "<h2>Outcomes</h2>",
            "<h2>Counts by kind</h2>",
        ];
        // Each after the one before (the summary names some of them too).
        let mut from = 0;
        for h in headings {
            from += page[from..].find(h).unwrap_or_else(|| panic!("{h} missing or out of order"));
        }
        assert!(page.contains("@media print") && page.contains("break-inside: avoid"));
    }

    #[test]
    fn goals_and_the_budget_show_their_numbers() {
        let page = html(&team_view(), &[], generated(), "en-US");
        let talks = between(&page, "<tr><td>6 talks", "</tr>");
        assert!(
            talks.contains(
                "<td class=\"num\">6</td><td class=\"num\">4</td><td class=\"num\">3</td><td class=\"num\">1</td>"
            ),
            "{talks}"
        );
        assert!(talks.contains("short by 2") && talks.contains("4 planned of 6; 3 confirmed, 1 done"), "{talks}");
        assert!(talks.contains("Ask Sam &amp; &quot;the board&quot; first"), "{talks}");
        let budget = between(&page, "<tr><td>Travel budget", "</tr>");
        for amount in ["12,000.00 EUR", "8,300.00 EUR", "5,123.45 EUR", "3,100.00 EUR", "12,540.00 EUR", ">over<"] {
            assert!(budget.contains(amount), "{amount} missing from {budget}");
        }
    }

    #[test]
    fn balance_compares_each_function_with_the_target_mix() {
        let team = team_view();
        let page = html(&team, &five(&team), generated(), "en-US");
        assert!(page.contains("Target mix: the team&#39;s."));
        assert!(page.contains("Target mix\n</text>"), "the chart's legend names the target mix");
        let education = between(&page, "<tr><td>Education", "</tr>");
        assert!(
            education.contains("80.0 h") && education.contains("40 %") && education.contains("+10 pts"),
            "{education}"
        );
        let advocacy = between(&page, "<tr><td>Advocacy", "</tr>");
        assert!(advocacy.contains("15 %") && advocacy.contains("-10 pts"), "{advocacy}");

        let mut without = team_view();
        without.balance.functions.iter_mut().for_each(|f| f.target = None);
        without.balance.mix = None;
        without.balance.mix_source = String::new();
        let page = html(&without, &five(&without), generated(), "en-US");
        assert!(page.contains("No target mix set."));
        assert!(!page.contains("Target mix\n</text>"), "no target legend without a mix");
    }

    #[test]
    fn outcomes_show_attendance_cost_per_attendee_and_effort_per_thousand_views() {
        let page = html(&team_view(), &[], generated(), "en-US");
        let conference = between(&page, "<td>DevConf Berlin", "</tr>");
        assert!(conference.contains("<td class=\"num\">120</td>"), "{conference}");
        assert!(conference.contains("1,850.00 EUR") && conference.contains("15.41 EUR"), "{conference}");
        assert!(conference.contains("1,250") && conference.contains("4.6"), "{conference}");
        let post = between(&page, "<tr><td>Why queues &lt;matter&gt;", "</tr>");
        assert!(
            post.contains("2,500") && post.contains("0.0040 h<br><span class=\"per-thousand\">4.0 h per 1,000</span>"),
            "{post}"
        );
        let talk = between(&page, "&lt;script&gt;alert(1)&lt;/script&gt; at RustConf", "</tr>");
        assert!(talk.contains("awaiting outcome"), "{talk}");
        let notes = between(&page, "<tr class=\"notes\">", "</tr>");
        assert!(notes.contains("Booth was busy;\nfollow up with ACME"), "{notes}");
        assert!(page.contains("<p>1 done item awaits its outcome.</p>"));
        let totals = between(&page, "Totals (items with an outcome)", "</tr>");
        assert!(totals.contains("52.5 h") && totals.contains("4.60 mean") && totals.contains("15.41 EUR"), "{totals}");
        assert!(page.contains("<li>Taxi 40.00 &lt;GBP&gt; on 2026-02-11</li>"));
        let counts = between(&page, "<tr><td>Talks", "</tr>");
        assert!(
            counts.ends_with("<td class=\"num\">4</td><td class=\"num\">3</td><td class=\"num\">1</td>"),
            "{counts}"
        );
    }

    #[test]
    fn every_chart_is_an_inline_svg() {
        let team = team_view();
        let page = html(&team, &five(&team), generated(), "en-US");
        assert_eq!(page.matches("<svg").count(), 4, "goals, budget, balance and load");
        assert_eq!(page.matches("<figure>").count(), 4);
        assert!(!page.contains("class=\"chart-error\""));
        let goals = between(&page, "<section id=\"goals\">", "</svg>");
        assert!(goals.contains("6 talks") && goals.contains("Confirmed"), "the goal chart names its rows and series");
        let load = between(&page, "<section id=\"load\">", "</svg>");
        assert!(load.contains("Jan 12") && load.contains("Available hours"), "the load chart names its weeks");
    }

    #[test]
    fn user_text_is_escaped_and_nothing_is_fetched_or_run() {
        let team = team_view();
        let page = html(&team, &people(&team), generated(), "en-US");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!page.to_lowercase().contains("<script"), "no script element, injected or ours");
        assert!(page.contains("Ravi &lt;i&gt;Rao&lt;/i&gt;") && !page.contains("<i>Rao"));
        assert!(page.contains("title=\"Maya O&#39;Neil is amber\""), "attributes are escaped too");
        assert!(page.contains("Maya: 3 nights away &quot;in a row&quot;"));
        assert!(page.contains("Ravi &lt;b&gt;over&lt;/b&gt; 120 %") && !page.contains("<b>over"));
        let without_namespace = page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assert!(!without_namespace.contains("http"), "a URL other than the SVG namespace");
        for fetches in ["src=", "href=", "url(", "@import", "<link", "<img", "@font-face"] {
            assert!(!page.contains(fetches), "{fetches} would reach outside the file");
        }
    }

    #[test]
    fn the_team_grid_has_a_row_per_person_coloured_by_level() {
        let team = team_view();
        let page = html(&team, &people(&team), generated(), "en-US");
        let grid = between(&page, "<table class=\"grid\">", "</table>");
        assert_eq!(grid.matches("<tr><th scope=\"row\">").count(), 2);
        assert_eq!(grid.matches("<th class=\"num\">").count(), team.weeks.len());
        assert!(grid.contains("<th class=\"num\">Dec 29</th>") && grid.contains("<th class=\"num\">Jan 12</th>"));
        let ravi = between(grid, "Ravi &lt;i&gt;Rao&lt;/i&gt;", "</tr>");
        assert!(
            ravi.contains("<td class=\"level lvl-red\" title=\"Ravi &lt;i&gt;Rao&lt;/i&gt; is red\">red</td>"),
            "the level and its reason, not the person's load: {ravi}"
        );
        let maya = between(grid, "Maya O&#39;Neil", "</tr>");
        assert!(maya.contains("<td class=\"level lvl-green\" title=\"\">green</td>"), "{maya}");
        assert!(maya.contains("lvl-amber") && maya.contains("lvl-red"), "{maya}");
        let reasons = between(&page, "<ul class=\"reasons\">", "</ul>");
        assert_eq!(reasons.matches("<li>").count(), 2, "the amber and red weeks, written out for paper");
    }

    #[test]
    fn a_persons_report_has_their_own_row_and_says_what_is_not_set() {
        let mut person = team_view();
        person.scope_name = "Maya <Okafor>".into();
        person.person_id = Some(id(42));
        person.goals.clear();
        person.budget = None;
        person.impact = Impact { rows: vec![], totals: ImpactTotals::default(), awaiting: 0 };
        person.unconverted.clear();
        let page = html(&person, &[], generated(), "en-US");
        assert!(page.contains("<title>Quarter report — Maya &lt;Okafor&gt;, 2026 Q1</title>"));
        let grid = between(&page, "<table class=\"grid\">", "</table>");
        assert_eq!(grid.matches("<tr><th scope=\"row\">").count(), 1);
        assert!(grid.contains("<th scope=\"row\">Maya &lt;Okafor&gt;</th>"));
        assert!(grid.contains("<td class=\"level lvl-green\" title=\"\">—</td>"), "unknown load shows a dash: {grid}");
        assert!(grid.contains(">61 %</td>"), "a person's own report has their load: {grid}");
        assert!(page.contains("No goals set for this quarter."));
        assert!(page.contains("No travel budget set for this quarter."));
        assert!(page.contains("Nothing done or with an outcome yet this quarter."));
        assert_eq!(page.matches("<svg").count(), 2, "balance and load only");
    }

    #[test]
    fn the_same_view_gives_the_same_bytes() {
        let team = team_view();
        assert_eq!(
            html(&team, &people(&team), generated(), "en-US"),
            html(&team, &people(&team), generated(), "en-US")
        );
    }

    #[test]
    fn money_has_thousands_separators_and_the_currency_digits() {
        assert_eq!(format::money(1_200_000, "EUR"), "12,000.00 EUR");
        assert_eq!(format::money(-5, "EUR"), "-0.05 EUR");
        assert_eq!(format::money(99_999, "USD"), "999.99 USD");
        assert_eq!(format::money(1_500_000, "JPY"), "1,500,000 JPY");
        assert_eq!(format::money(1_234_567, "KWD"), "1,234.567 KWD");
        assert_eq!(format::thousands(0), "0");
        assert_eq!(format::thousands(100_000), "100,000");
        assert_eq!(format::major(123_456, "EUR"), 1_234.56);
    }
}
