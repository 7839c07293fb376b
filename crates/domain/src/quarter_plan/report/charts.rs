//! The report's charts, drawn by plotters into inline SVG. Categories (goals,
//! functions, weeks) sit on an integer axis, `SLOT` units each with a key point
//! at the centre, so that grouped bars can share a row or column. (Integers,
//! because plotters only lets key-pointed axes take label formatters for them.)

use plotters::coord::Shift;
use plotters::coord::combinators::WithKeyPoints;
use plotters::coord::types::RangedCoordi32;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::format;
use crate::load::Level;
use crate::quarter_plan::view::{BudgetProgress, FunctionShare, GoalProgress, WeekStrip};

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
type Drawn = Result<(), Box<dyn std::error::Error>>;

const FONT: &str = "sans-serif";
const WIDTH: u32 = 640;
/// plotters writes `font-size` as the size given over 1.24; 14 comes out near 11 px.
const LABEL_SIZE: f64 = 14.0;
const LEGEND_HEIGHT: u32 = 24;
/// Axis units per category.
const SLOT: i32 = 100;

const INK: RGBColor = RGBColor(0x1f, 0x29, 0x33);
const GRID: RGBColor = RGBColor(0xe4, 0xe7, 0xeb);
const TARGET: RGBColor = RGBColor(0xa3, 0xad, 0xb8);
const PLANNED: RGBColor = RGBColor(0xa9, 0xc9, 0xe8);
const CONFIRMED: RGBColor = RGBColor(0x4a, 0x86, 0xc5);
const DONE: RGBColor = RGBColor(0x1f, 0x4e, 0x79);
const GREEN_LEVEL: RGBColor = RGBColor(0x5b, 0xa8, 0x6b);
const AMBER_LEVEL: RGBColor = RGBColor(0xe0, 0xa1, 0x3a);
const RED_LEVEL: RGBColor = RGBColor(0xc9, 0x4c, 0x4c);

fn level_colour(level: Level) -> RGBColor {
    match level {
        Level::Green => GREEN_LEVEL,
        Level::Amber => AMBER_LEVEL,
        Level::Red => RED_LEVEL,
    }
}

/// A legend entry's mark: a filled box for bars, a stroke for lines.
enum Mark {
    Bar(RGBColor),
    Line(RGBColor),
}

/// Draws with `draw` onto a white SVG of `size`; the SVG text, or why it could not be drawn.
fn svg(size: (u32, u32), draw: impl FnOnce(&Area<'_>) -> Drawn) -> Result<String, String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        draw(&root).map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// One line of legend entries across the top of `root`; the area left for the plot.
fn with_legend<'a>(root: &Area<'a>, entries: &[(&str, Mark)]) -> Result<Area<'a>, Box<dyn std::error::Error>> {
    let (key, plot) = root.split_vertically(LEGEND_HEIGHT);
    let mut x = 12;
    let y = (LEGEND_HEIGHT / 2) as i32;
    for (name, mark) in entries {
        match mark {
            Mark::Bar(c) => key.draw(&Rectangle::new([(x, y - 5), (x + 12, y + 5)], c.filled()))?,
            Mark::Line(c) => key.draw(&PathElement::new(vec![(x, y), (x + 12, y)], c.stroke_width(2)))?,
        }
        let style = TextStyle::from((FONT, LABEL_SIZE).into_font()).color(&INK).pos(Pos::new(HPos::Left, VPos::Center));
        key.draw(&Text::new(name.to_string(), (x + 17, y), style))?;
        // About 6.5 px a character at this size, and a gap before the next entry.
        x += 17 + (name.chars().count() as f64 * 6.5) as i32 + 18;
    }
    Ok(plot)
}

/// The label of the category whose slot holds `position`; `top_down` puts the first category on top.
fn category(labels: &[String], position: i32, top_down: bool) -> String {
    let slot = position.div_euclid(SLOT);
    match usize::try_from(slot) {
        Ok(slot) if slot < labels.len() => labels[if top_down { labels.len() - 1 - slot } else { slot }].clone(),
        _ => String::new(),
    }
}

/// An axis of `n` categories, labelled at their centres.
fn categories(n: usize) -> WithKeyPoints<RangedCoordi32> {
    let n = n as i32;
    (0..n * SLOT).with_key_points((0..n).map(|i| i * SLOT + SLOT / 2).collect())
}

/// Where the `i`th of `n` categories starts, counting from the top when `top_down`.
fn slot_start(i: usize, n: usize, top_down: bool) -> i32 {
    (if top_down { n - 1 - i } else { i }) as i32 * SLOT
}

/// A goal chart's series: its name, colour and the count it shows.
type GoalSeries = (&'static str, RGBColor, fn(&GoalProgress) -> u32);

/// Per goal, four bars from the top: target, planned, confirmed, done.
pub fn goals(goals: &[GoalProgress]) -> Result<String, String> {
    let rows = goals.len();
    let labels: Vec<String> = goals.iter().map(|g| g.label.clone()).collect();
    let top = goals.iter().map(|g| g.goal.target.max(g.planned)).max().unwrap_or(0) + 1;
    let height = (LEGEND_HEIGHT + 44 + 40 * rows as u32).max(160);
    let series: [GoalSeries; 4] = [
        ("Target", TARGET, |g| g.goal.target),
        ("Planned", PLANNED, |g| g.planned),
        ("Confirmed", CONFIRMED, |g| g.confirmed),
        ("Done", DONE, |g| g.done),
    ];
    svg((WIDTH, height), |root| {
        let entries: Vec<(&str, Mark)> = series.iter().map(|(name, c, _)| (*name, Mark::Bar(*c))).collect();
        let plot = with_legend(root, &entries)?;
        let label_at = |y: &i32| category(&labels, *y, true);
        let mut chart = ChartBuilder::on(&plot)
            .margin(8)
            .x_label_area_size(34)
            .y_label_area_size(150)
            .build_cartesian_2d(0u32..top, categories(rows))?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .bold_line_style(GRID)
            .light_line_style(WHITE)
            .x_labels(top.min(12) as usize)
            .y_label_formatter(&label_at)
            .label_style((FONT, LABEL_SIZE))
            .axis_desc_style((FONT, LABEL_SIZE))
            .x_desc("count")
            .draw()?;
        for (k, (_, colour, value)) in series.iter().enumerate() {
            chart.draw_series(goals.iter().enumerate().map(|(i, g)| {
                // Within the goal's row, bar k from the top, a fifth of the row each.
                let low = slot_start(i, rows, true) + 10 + 20 * (3 - k as i32);
                Rectangle::new([(0, low), (value(g), low + 18)], colour.filled())
            }))?;
        }
        Ok(())
    })
}

/// The budget ceiling against planned, committed, actual and forecast spend, in major units.
pub fn budget(budget: &BudgetProgress, currency: &str) -> Result<String, String> {
    let forecast_colour = if budget.within { CONFIRMED } else { RED_LEVEL };
    let mut bars: Vec<(String, f64, RGBColor)> = vec![];
    if let Some(ceiling) = budget.budget_minor {
        bars.push(("Ceiling".into(), format::major(ceiling, currency), TARGET));
    }
    bars.push(("Planned".into(), format::major(budget.planned, currency), PLANNED));
    bars.push(("Committed".into(), format::major(budget.committed, currency), CONFIRMED));
    bars.push(("Actual".into(), format::major(budget.actual, currency), DONE));
    bars.push(("Forecast".into(), format::major(budget.forecast, currency), forecast_colour));
    let labels: Vec<String> = bars.iter().map(|(name, _, _)| name.clone()).collect();
    let rows = bars.len();
    let top = bars.iter().map(|(_, v, _)| *v).fold(1.0, f64::max) * 1.1;
    let height = 50 + 28 * rows as u32;
    svg((WIDTH, height), |root| {
        let label_at = |y: &i32| category(&labels, *y, true);
        let amount_at = |x: &f64| format::thousands(x.max(0.0).round() as u64);
        let mut chart = ChartBuilder::on(root)
            .margin(8)
            .x_label_area_size(34)
            .y_label_area_size(90)
            .build_cartesian_2d(0.0..top, categories(rows))?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .bold_line_style(GRID)
            .light_line_style(WHITE)
            .x_labels(6)
            .x_label_formatter(&amount_at)
            .y_label_formatter(&label_at)
            .label_style((FONT, LABEL_SIZE))
            .axis_desc_style((FONT, LABEL_SIZE))
            .x_desc(currency)
            .draw()?;
        chart.draw_series(bars.iter().enumerate().map(|(i, (_, value, colour))| {
            let low = slot_start(i, rows, true) + 20;
            Rectangle::new([(0.0, low), (value.max(0.0), low + 60)], colour.filled())
        }))?;
        Ok(())
    })
}

/// Per function, its share of the planned hours beside the target mix's share, when there is one.
pub fn balance(functions: &[FunctionShare]) -> Result<String, String> {
    let columns = functions.len();
    let labels: Vec<String> = functions.iter().map(|f| f.function.label().to_string()).collect();
    let has_target = functions.iter().any(|f| f.target.is_some());
    let highest = functions.iter().map(|f| f.percent.max(f64::from(f.target.unwrap_or(0)))).fold(0.0, f64::max);
    let top = (highest + 10.0).clamp(20.0, 100.0);
    svg((WIDTH, 240), |root| {
        let mut entries = vec![("Share of planned hours", Mark::Bar(CONFIRMED))];
        if has_target {
            entries.push(("Target mix", Mark::Bar(TARGET)));
        }
        let plot = with_legend(root, &entries)?;
        let label_at = |x: &i32| category(&labels, *x, false);
        let percent_at = |y: &f64| format::percent(*y);
        let mut chart = ChartBuilder::on(&plot)
            .margin(8)
            .x_label_area_size(28)
            .y_label_area_size(56)
            .build_cartesian_2d(categories(columns), 0.0..top)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .bold_line_style(GRID)
            .light_line_style(WHITE)
            .y_labels(6)
            .x_label_formatter(&label_at)
            .y_label_formatter(&percent_at)
            .label_style((FONT, LABEL_SIZE))
            .axis_desc_style((FONT, LABEL_SIZE))
            .y_desc("% of planned hours")
            .draw()?;
        chart.draw_series(functions.iter().enumerate().map(|(i, f)| {
            let left = slot_start(i, columns, false) + if has_target { 14 } else { 33 };
            Rectangle::new([(left, 0.0), (left + 34, f.percent)], CONFIRMED.filled())
        }))?;
        chart.draw_series(functions.iter().enumerate().filter_map(|(i, f)| {
            let left = slot_start(i, columns, false) + 52;
            f.target.map(|t| Rectangle::new([(left, 0.0), (left + 34, f64::from(t))], TARGET.filled()))
        }))?;
        Ok(())
    })
}

/// Per week, the planned hours coloured by load level, and the hours available as a line.
pub fn load(weeks: &[WeekStrip]) -> Result<String, String> {
    let columns = weeks.len();
    let labels: Vec<String> = weeks.iter().map(|w| format::day_month(w.week)).collect();
    let highest = weeks.iter().map(|w| w.planned_hours.max(w.available_hours)).fold(0.0, f64::max);
    let top = (highest * 1.15).max(10.0);
    // Wider than the others: fourteen week labels need the room.
    svg((760, 250), |root| {
        let entries = [
            ("Planned hours: green", Mark::Bar(GREEN_LEVEL)),
            ("amber", Mark::Bar(AMBER_LEVEL)),
            ("red", Mark::Bar(RED_LEVEL)),
            ("Available hours", Mark::Line(INK)),
        ];
        let plot = with_legend(root, &entries)?;
        let label_at = |x: &i32| category(&labels, *x, false);
        let hours_at = |y: &f64| format!("{y:.0}");
        let mut chart = ChartBuilder::on(&plot)
            .margin(8)
            .x_label_area_size(40)
            .y_label_area_size(48)
            .build_cartesian_2d(categories(columns), 0.0..top)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .bold_line_style(GRID)
            .light_line_style(WHITE)
            .y_labels(6)
            .x_label_formatter(&label_at)
            .y_label_formatter(&hours_at)
            .label_style((FONT, LABEL_SIZE))
            .axis_desc_style((FONT, LABEL_SIZE))
            .x_desc("week of (Monday)")
            .y_desc("hours")
            .draw()?;
        chart.draw_series(weeks.iter().enumerate().map(|(i, w)| {
            let left = slot_start(i, columns, false) + 18;
            Rectangle::new([(left, 0.0), (left + 64, w.planned_hours)], level_colour(w.level).filled())
        }))?;
        let available =
            weeks.iter().enumerate().map(|(i, w)| (slot_start(i, columns, false) + SLOT / 2, w.available_hours));
        chart.draw_series(LineSeries::new(available, INK.stroke_width(2)))?;
        Ok(())
    })
}
