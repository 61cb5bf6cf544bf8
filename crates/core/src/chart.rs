//! Chart options for indicators and the monitoring dashboard, built as
//! charming [`Chart`]s (serialisable ECharts options), so they are tested on
//! the host and only drawn in the app.

use charming::component::{Axis, Grid, Legend, Title, VisualMap, VisualMapPiece, VisualMapType};
use charming::datatype::{DataPoint, DataPointItem};
use charming::element::{
    AxisPointer, AxisPointerType, AxisType, Formatter, ItemStyle, Label, LineStyle, LineStyleType, MarkLine, MarkLineData, MarkLineVariant, Orient, Step, Symbol,
    TextStyle, Tooltip, Trigger,
};
use charming::series::{Bar, Heatmap, Line};
use charming::Chart;

use crate::dashboard::{Group, HeatRow};
use crate::i18n::{status_label, Lang};
use crate::model::{Actual, Against, Condition, Indicator, IndicatorKind, Period, Status, Target};
use crate::status::{baseline_number, indicator_status, STATUS_ORDER};

/// The colour that shows a status, shared by charts and the goal map (WCAG AA
/// against white for text).
pub fn status_colour(status: Status) -> &'static str {
    match status {
        Status::Achieved => "#1b7a3a",
        Status::OnTrack => "#1f5fa8",
        Status::AtRisk => "#b35900",
        Status::NotAchieved => "#b3261e",
        Status::NoData => "#5f6368",
        Status::NotYetDue => "#80868b",
    }
}

/// The number a target aims at, for drawing: `(low, high)` of the band it
/// allows, either side open when unbounded; `None` when it has no number.
pub fn target_band(target: &Target, baseline: Option<f64>) -> Option<(Option<f64>, Option<f64>)> {
    target.conditions.iter().find_map(|c| match *c {
        Condition::AtLeast { value } | Condition::MoreThan { value } => Some((Some(value), None)),
        Condition::AtMost { value } | Condition::LessThan { value } => Some((None, Some(value))),
        Condition::Equal { value } => Some((Some(value), Some(value))),
        Condition::Range { min, max } => Some((Some(min), Some(max))),
        Condition::AtLeastTimes { count, .. } => Some((Some(f64::from(count)), None)),
        Condition::Unchanged => baseline.map(|b| (Some(b), Some(b))),
        Condition::DoesNotIncrease | Condition::Decreases => baseline.map(|b| (None, Some(b))),
        Condition::DoesNotDecrease | Condition::Increases => baseline.map(|b| (Some(b), None)),
        Condition::RelativeChange { percent } => baseline.map(|b| {
            let v = b * (1.0 + percent / 100.0);
            if percent >= 0.0 { (Some(v), None) } else { (None, Some(v)) }
        }),
        Condition::Increment { amount, against: Against::Baseline } => baseline.map(|b| {
            let v = b + amount;
            if amount >= 0.0 { (Some(v), None) } else { (None, Some(v)) }
        }),
        // Against another year, cumulative or a stage: no fixed band to draw.
        Condition::DoneIn { .. }
        | Condition::RatingAtLeast { .. }
        | Condition::PercentChange { .. }
        | Condition::Increment { .. }
        | Condition::Cumulative { .. }
        | Condition::StageReached { .. }
        | Condition::BaselineSetIn { .. } => None,
    })
}

/// Words for the chart that depend on the interface language.
fn words(lang: Lang) -> (&'static str, &'static str, &'static str, &'static str) {
    let t = lang.texts();
    (t.baseline, t.target, t.actual, if lang == Lang::Lv { "robeža" } else { "bound" })
}

/// Colour of target lines and markers.
const TARGET_COLOUR: &str = "#6b4fbb";

/// How many characters of an actual's comment its tooltip shows.
const COMMENT_CHARS: usize = 100;

/// How many characters of a row label an axis shows, so long titles leave room for the chart.
const LABEL_CHARS: usize = 48;

/// The text on one line, cut to `max` characters with an ellipsis.
fn short(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// The name of an actual's point, shown in its tooltip: "2025: Achieved — comment".
fn actual_name(year: i32, status: Status, actual: &Actual, lang: Lang) -> String {
    let label = status_label(lang, status);
    match short(&actual.comment, COMMENT_CHARS) {
        c if c.is_empty() => format!("{year}: {label}"),
        c => format!("{year}: {label} — {c}"),
    }
}

/// The years in which a milestone target ("done in YEAR") falls due, in order.
fn done_years(indicator: &Indicator) -> Vec<i32> {
    let mut years: Vec<i32> = indicator
        .targets
        .iter()
        .chain(indicator.final_target.iter())
        .flat_map(|t| t.conditions.iter())
        .filter_map(|c| match c {
            Condition::DoneIn { year } => Some(*year),
            _ => None,
        })
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The chart of one indicator over the strategy's period: baseline, targets
/// (a line for `≥`/`≤`/`=`, two lines for a range), and actuals coloured by
/// their computed status, each named "year: status — comment" for its tooltip.
/// Milestones are a timeline of done (1) or not done (0), with the year a
/// "done in" target falls due marked by a point and a vertical line.
pub fn indicator_chart(indicator: &Indicator, period: Period, current_year: i32, lang: Lang) -> Chart {
    let first = indicator.baseline.year.filter(|y| *y < period.start_year).unwrap_or(period.start_year);
    // From the baseline's year, within the plausible years (see `Period::years`).
    let years: Vec<i32> = Period { start_year: first, end_year: period.end_year }.years().collect();
    let (baseline_word, target_word, actual_word, bound_word) = words(lang);
    let base = baseline_number(indicator);
    let milestone = indicator.kind == IndicatorKind::Milestone;

    let target_of = |year: i32| crate::status::target_for(indicator, year, period.end_year);
    let bands: Vec<Option<(Option<f64>, Option<f64>)>> = years.iter().map(|y| target_of(*y).and_then(|t| target_band(t, base))).collect();
    let is_range = bands.iter().flatten().any(|(lo, hi)| lo.is_some() && hi.is_some() && lo != hi);
    let low: Vec<Option<f64>> = bands.iter().map(|b| b.and_then(|(lo, hi)| lo.or(hi))).collect();
    let high: Vec<Option<f64>> = bands.iter().map(|b| b.and_then(|(_, hi)| if is_range { hi } else { None })).collect();

    let actuals: Vec<DataPoint> = years
        .iter()
        .map(|&year| {
            let actual = crate::status::actual_for(indicator, year);
            let value = actual.and_then(|a| if milestone { a.done.map(|d| if d { 1.0 } else { 0.0 }) } else { a.value });
            match (actual, value) {
                (Some(actual), Some(v)) => {
                    let status = indicator_status(indicator, year, period.end_year, current_year).status;
                    DataPointItem::new(v).name(actual_name(year, status, actual, lang)).item_style(ItemStyle::new().color(status_colour(status))).into()
                }
                _ => DataPoint::from(None::<f64>),
            }
        })
        .collect();
    let baseline_points: Vec<Option<f64>> =
        years.iter().map(|y| if Some(*y) == indicator.baseline.year.or(Some(first)).filter(|_| base.is_some()) { base } else { None }).collect();

    let mut chart = Chart::new()
        .animation(false)
        .title(Title::new().text(indicator.name.clone()).left("center").text_style(TextStyle::new().font_size(14)))
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .legend(Legend::new().bottom(0))
        .grid(Grid::new().left(48).right(24).top(48).bottom(48).contain_label(true))
        .x_axis(Axis::new().type_(AxisType::Category).data(years.iter().map(|y| y.to_string()).collect()))
        .y_axis(if milestone {
            // Category 0 is "not done", 1 is "done": the points' values are the indices.
            let t = lang.texts();
            Axis::new().type_(AxisType::Category).data(vec![t.milestone_not_done.to_string(), t.milestone_done.to_string()])
        } else {
            Axis::new().type_(AxisType::Value).name(indicator.unit.clone()).scale(true)
        });
    // A milestone's baseline is not on its done / not done scale.
    if base.is_some() && !milestone {
        chart = chart.series(Line::new().name(baseline_word).symbol(Symbol::Diamond).symbol_size(12).data(baseline_points));
    }
    if low.iter().any(Option::is_some) {
        let name = if is_range { format!("{target_word} ({bound_word})") } else { target_word.to_string() };
        let dashed = || LineStyle::new().type_(LineStyleType::Dashed).color(TARGET_COLOUR);
        chart = chart.series(Line::new().name(name.clone()).connect_nulls(true).line_style(dashed()).item_style(ItemStyle::new().color(TARGET_COLOUR)).data(low));
        if is_range {
            chart = chart.series(Line::new().name(name).connect_nulls(true).line_style(dashed()).item_style(ItemStyle::new().color(TARGET_COLOUR)).data(high));
        }
    }
    let due: Vec<i32> = done_years(indicator).into_iter().filter(|y| years.contains(y)).collect();
    if !due.is_empty() {
        // A point at "done" in each year a milestone falls due (for milestones), and a vertical line there.
        let points: Vec<DataPoint> = years
            .iter()
            .map(|y| {
                if milestone && due.contains(y) {
                    DataPointItem::new(1).name(format!("{target_word}: {y}")).into()
                } else {
                    DataPoint::from(None::<f64>)
                }
            })
            .collect();
        let lines = due.iter().map(|y| MarkLineVariant::Simple(MarkLineData::new().x_axis(y.to_string()).name(format!("{target_word}: {y}")))).collect();
        chart = chart.series(
            Line::new()
                .name(target_word)
                .symbol(Symbol::Pin)
                .symbol_size(24)
                .item_style(ItemStyle::new().color(TARGET_COLOUR))
                .mark_line(
                    MarkLine::new()
                        .symbol(vec![Symbol::None, Symbol::None])
                        .label(Label::new().formatter("{b}"))
                        .line_style(LineStyle::new().type_(LineStyleType::Dashed).color(TARGET_COLOUR))
                        .data(lines),
                )
                .data(points),
        );
    }
    let actual_line = Line::new().name(actual_word).connect_nulls(true);
    chart.series(
        if milestone { actual_line.step(Step::End) } else { actual_line }
            .symbol_size(12)
            .line_style(LineStyle::new().color("#202124"))
            .item_style(ItemStyle::new().color("#202124"))
            .data(actuals),
    )
}

/// A count as a chart value.
fn count_value(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Stacked horizontal bars of status counts: one bar per group (the nodes of
/// one level, first at the top; the category is the row's label, cut to
/// [`LABEL_CHARS`]), one series per status in [`STATUS_ORDER`], coloured with
/// [`status_colour`] and named with [`status_label`].
pub fn status_bars(rows: &[Group], title: &str, lang: Lang) -> Chart {
    let labels: Vec<String> = rows.iter().map(|r| short(&r.label, LABEL_CHARS)).collect();
    let mut chart = Chart::new()
        .animation(false)
        .title(Title::new().text(title).left("center").text_style(TextStyle::new().font_size(14)))
        .tooltip(Tooltip::new().trigger(Trigger::Axis).axis_pointer(AxisPointer::new().type_(AxisPointerType::Shadow)))
        .legend(Legend::new().bottom(0))
        .grid(Grid::new().left(16).right(24).top(40).bottom(48).contain_label(true))
        .x_axis(Axis::new().type_(AxisType::Value).min_interval(1))
        .y_axis(Axis::new().type_(AxisType::Category).inverse(true).data(labels));
    for status in STATUS_ORDER {
        let data: Vec<i64> = rows.iter().map(|r| count_value(r.counts.get(status))).collect();
        chart = chart.series(Bar::new().name(status_label(lang, status)).stack("status").item_style(ItemStyle::new().color(status_colour(status))).data(data));
    }
    chart
}

/// Heat-map of the nodes of one level (rows, first at the top, labels cut to
/// [`LABEL_CHARS`]) × years of the period, each cell coloured by the node's
/// rolled-up status (a [`crate::dashboard::LevelSummary`]'s `heat`).
/// A cell is `[year index, node index, status index in STATUS_ORDER]` in the
/// heatmap series of its status (named with the status label, so a cell's
/// tooltip reads "2025: Achieved"); a piecewise visual map maps the status
/// index to [`status_colour`] and doubles as the legend.
pub fn status_heatmap(heat: &[HeatRow], lang: Lang) -> Chart {
    let years: Vec<i32> = heat.first().map(|(_, _, cells)| cells.iter().map(|(y, _)| *y).collect()).unwrap_or_default();
    let pieces: Vec<VisualMapPiece> = STATUS_ORDER
        .iter()
        .zip(0_i32..)
        .map(|(s, i)| VisualMapPiece::new().min(i).max(i).label(status_label(lang, *s)).color(status_colour(*s)))
        .collect();
    let mut chart = Chart::new()
        .animation(false)
        .tooltip(Tooltip::new().trigger(Trigger::Item).formatter(Formatter::String("{b}: {a}".into())))
        .grid(Grid::new().left(16).right(24).top(16).bottom(64).contain_label(true))
        .x_axis(Axis::new().type_(AxisType::Category).data(years.iter().map(|y| y.to_string()).collect()))
        .y_axis(Axis::new().type_(AxisType::Category).inverse(true).data(heat.iter().map(|(_, label, _)| short(label, LABEL_CHARS)).collect()))
        .visual_map(VisualMap::new().type_(VisualMapType::Piecewise).dimension(2).pieces(pieces).orient(Orient::Horizontal).left("center").bottom(0));
    for (status, index) in STATUS_ORDER.iter().zip(0_i64..) {
        let cells: Vec<Vec<DataPoint>> = heat
            .iter()
            .zip(0_i64..)
            .flat_map(|((_, _, cells), row)| {
                let years = &years;
                cells.iter().filter(move |(_, s)| s == status).filter_map(move |(year, _)| {
                    let col = years.iter().position(|y| y == year)?;
                    Some(vec![DataPoint::from(count_value(col)), DataPoint::from(row), DataPoint::from(index)])
                })
            })
            .collect();
        if !cells.is_empty() {
            chart = chart.series(
                Heatmap::new()
                    .name(status_label(lang, *status))
                    .item_style(ItemStyle::new().color(status_colour(*status)).border_color("#ffffff").border_width(2))
                    .data(cells),
            );
        }
    }
    chart
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actual, Baseline, BaselineValue, ReportingPeriod};

    fn turnover() -> Indicator {
        Indicator {
            name: "novēršamās personāla mainības līmenis".into(),
            unit: "%".into(),
            targets: (2024..=2027).map(|y| Target { year: Some(y), text: "≤ 11".into(), conditions: vec![Condition::AtMost { value: 11.0 }] }).collect(),
            actuals: vec![
                Actual { period: ReportingPeriod::year(2024), value: Some(9.0), ..Default::default() },
                Actual { period: ReportingPeriod::year(2025), value: Some(14.0), ..Default::default() },
            ],
            ..Default::default()
        }
    }

    fn json(chart: &Chart) -> serde_json::Value {
        serde_json::from_str(&chart.to_string()).unwrap()
    }

    #[test]
    fn target_line_and_actuals_coloured_by_status() {
        let c = json(&indicator_chart(&turnover(), Period { start_year: 2024, end_year: 2027 }, 2026, Lang::En));
        assert_eq!(c["xAxis"]["data"], serde_json::json!(["2024", "2025", "2026", "2027"]));
        let series = c["series"].as_array().unwrap();
        assert_eq!(series.len(), 2, "target and actual (no numeric baseline)");
        assert_eq!(series[0]["name"], "Target");
        assert_eq!(series[0]["data"], serde_json::json!([11.0, 11.0, 11.0, 11.0]));
        assert_eq!(series[1]["name"], "Actual");
        assert_eq!(series[1]["data"][0]["value"], 9.0);
        assert_eq!(series[1]["data"][0]["itemStyle"]["color"], status_colour(Status::Achieved));
        assert_eq!(series[1]["data"][1]["itemStyle"]["color"], status_colour(Status::NotAchieved));
        assert_eq!(series[1]["data"][1]["name"], "2025: Not achieved");
        assert!(series[1]["data"][2].is_null());
        assert_eq!(c["animation"], false);
    }

    #[test]
    fn baseline_point_range_band_and_latvian_words() {
        let mut ind = turnover();
        ind.baseline = Baseline { text: "12 (2023)".into(), value: BaselineValue::Number { value: 12.0 }, year: Some(2023), unit: None, carried_from: None };
        ind.targets[3].conditions = vec![Condition::Range { min: 8.0, max: 10.0 }];
        let c = json(&indicator_chart(&ind, Period { start_year: 2024, end_year: 2027 }, 2026, Lang::Lv));
        assert_eq!(c["xAxis"]["data"][0], "2023", "the axis starts at the baseline year");
        let series = c["series"].as_array().unwrap();
        let names: Vec<&str> = series.iter().map(|s| s["name"].as_str().unwrap()).collect();
        assert_eq!(names, vec!["Bāzes vērtība", "Mērķis (robeža)", "Mērķis (robeža)", "Faktiskā vērtība"]);
        assert_eq!(series[0]["data"], serde_json::json!([12.0, null, null, null, null]));
        assert_eq!(series[1]["data"][4], 8.0);
        assert_eq!(series[2]["data"][4], 10.0);
    }

    #[test]
    fn bands_for_every_operator() {
        let t = |c: Condition| Target { year: Some(2025), text: String::new(), conditions: vec![c] };
        assert_eq!(target_band(&t(Condition::AtLeast { value: 5.0 }), None), Some((Some(5.0), None)));
        assert_eq!(target_band(&t(Condition::LessThan { value: 5.0 }), None), Some((None, Some(5.0))));
        assert_eq!(target_band(&t(Condition::Equal { value: 5.0 }), None), Some((Some(5.0), Some(5.0))));
        assert_eq!(target_band(&t(Condition::Range { min: 1.0, max: 2.0 }), None), Some((Some(1.0), Some(2.0))));
        assert_eq!(target_band(&t(Condition::Unchanged), Some(3.0)), Some((Some(3.0), Some(3.0))));
        assert_eq!(target_band(&t(Condition::Unchanged), None), None);
        assert_eq!(target_band(&t(Condition::DoesNotIncrease), Some(3.0)), Some((None, Some(3.0))));
        assert_eq!(target_band(&t(Condition::Increases), Some(3.0)), Some((Some(3.0), None)));
        assert_eq!(target_band(&t(Condition::RelativeChange { percent: 10.0 }), Some(100.0)), Some((Some(110.00000000000001), None)));
        assert_eq!(target_band(&t(Condition::RelativeChange { percent: -10.0 }), Some(100.0)), Some((None, Some(90.0))));
        assert_eq!(target_band(&t(Condition::AtLeastTimes { count: 2, per: crate::model::Frequency::Month }), None), Some((Some(2.0), None)));
        assert_eq!(target_band(&t(Condition::DoneIn { year: 2025 }), None), None);
    }

    #[test]
    fn milestones_are_drawn_as_done_or_not() {
        let ind = Indicator {
            kind: IndicatorKind::Milestone,
            baseline: Baseline { text: "0 (2023)".into(), value: BaselineValue::Number { value: 0.0 }, year: Some(2023), unit: Some("skaits".into()), carried_from: None },
            targets: vec![Target { year: Some(2026), text: "x".into(), conditions: vec![Condition::DoneIn { year: 2026 }] }],
            actuals: vec![
                Actual { period: ReportingPeriod::year(2025), done: Some(false), ..Default::default() },
                Actual { period: ReportingPeriod::year(2026), done: Some(true), ..Default::default() },
            ],
            ..Default::default()
        };
        let c = json(&indicator_chart(&ind, Period { start_year: 2024, end_year: 2027 }, 2027, Lang::En));
        let names: Vec<&str> = c["series"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
        assert_eq!(names, vec!["Target", "Actual"], "a numeric baseline is not drawn on the done / not done scale");
        assert_eq!(c["xAxis"]["data"][0], "2023", "the axis still starts at the baseline year");
        let actual = c["series"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(actual["data"][2]["value"], 0.0);
        assert_eq!(actual["data"][3]["value"], 1.0);
        assert_eq!(actual["data"][3]["itemStyle"]["color"], status_colour(Status::Achieved));
        // Values 0 and 1 are the indices of the y axis's two categories.
        assert_eq!(c["yAxis"]["type"], "category");
        assert_eq!(c["yAxis"]["data"], serde_json::json!(["Not done", "Done"]));
        assert_eq!(actual["step"], "end", "a timeline steps from not done to done");
        assert_eq!(actual["data"][2]["name"], "2025: On track", "not done before the year it is due");
        let target = c["series"].as_array().unwrap().iter().find(|s| s["name"] == "Target").unwrap().clone();
        assert_eq!(target["data"], serde_json::json!([null, null, null, {"value": 1, "name": "Target: 2026"}, null]), "a marked point at done in 2026");
        assert_eq!(target["symbol"], "pin");
        assert_eq!(target["markLine"]["data"], serde_json::json!([{"name": "Target: 2026", "xAxis": "2026"}]));
        assert_eq!(target["markLine"]["label"]["formatter"], "{b}");
    }

    fn series_named<'a>(c: &'a serde_json::Value, name: &str) -> Vec<&'a serde_json::Value> {
        c["series"].as_array().unwrap().iter().filter(|s| s["name"] == name).collect()
    }

    /// For every operator: the status of a met and a missed actual in 2025,
    /// and the target drawn for 2025 (lines at the band's bounds, a marked
    /// year for a milestone, nothing for a rating).
    #[test]
    fn every_operator_gives_a_status_and_a_drawn_target() {
        use crate::model::Frequency;
        use Condition::*;
        use Status::*;
        enum Drawn {
            Line(f64),
            Band(f64, f64),
            DueYear,
            Nothing,
        }
        // (condition, baseline, kind, met actual, missed actual, missed status, drawn target)
        type Case = (Condition, Option<f64>, IndicatorKind, Actual, Actual, Status, Drawn);
        let value = |v: f64| Actual { period: ReportingPeriod::year(2025), value: Some(v), ..Default::default() };
        let done = |d: bool| Actual { period: ReportingPeriod::year(2025), done: Some(d), ..Default::default() };
        let rating = |r: &str| Actual { period: ReportingPeriod::year(2025), rating: Some(r.into()), ..Default::default() };
        let q = IndicatorKind::Quantitative;
        let cases: Vec<Case> = vec![
            (AtLeast { value: 80.0 }, None, q, value(80.0), value(79.0), NotAchieved, Drawn::Line(80.0)),
            (MoreThan { value: 80.0 }, None, q, value(81.0), value(80.0), NotAchieved, Drawn::Line(80.0)),
            (AtMost { value: 11.0 }, None, q, value(9.0), value(14.0), NotAchieved, Drawn::Line(11.0)),
            (LessThan { value: 11.0 }, None, q, value(10.0), value(11.0), NotAchieved, Drawn::Line(11.0)),
            (Equal { value: 35.0 }, None, q, value(35.0), value(34.0), NotAchieved, Drawn::Line(35.0)),
            (Range { min: 10.0, max: 20.0 }, None, q, value(15.0), value(21.0), NotAchieved, Drawn::Band(10.0, 20.0)),
            (DoesNotIncrease, Some(100.0), q, value(100.0), value(101.0), NotAchieved, Drawn::Line(100.0)),
            (DoesNotDecrease, Some(100.0), q, value(100.0), value(99.0), NotAchieved, Drawn::Line(100.0)),
            (Unchanged, Some(100.0), q, value(100.0), value(99.0), NotAchieved, Drawn::Line(100.0)),
            (Increases, Some(100.0), q, value(101.0), value(100.0), NotAchieved, Drawn::Line(100.0)),
            (Decreases, Some(100.0), q, value(99.0), value(100.0), NotAchieved, Drawn::Line(100.0)),
            (DoneIn { year: 2025 }, None, IndicatorKind::Milestone, done(true), done(false), NotAchieved, Drawn::DueYear),
            (AtLeastTimes { count: 2, per: Frequency::Year }, None, q, value(2.0), value(1.0), NotAchieved, Drawn::Line(2.0)),
            (RelativeChange { percent: 5.0 }, Some(100.0), q, value(105.0), value(104.0), NotAchieved, Drawn::Line(105.0)),
            (RelativeChange { percent: -2.0 }, Some(100.0), q, value(98.0), value(99.0), NotAchieved, Drawn::Line(98.0)),
            // Ratings are not ordered: another rating cannot be judged.
            (RatingAtLeast { level: "labi".into() }, None, IndicatorKind::Qualitative, rating("Labi"), rating("vāji"), NoData, Drawn::Nothing),
        ];
        let period = Period { start_year: 2024, end_year: 2027 };
        for (condition, base, kind, met, missed, missed_status, drawn) in cases {
            let mut ind = Indicator {
                kind,
                baseline: Baseline { value: base.map_or(BaselineValue::NotAvailable, |value| BaselineValue::Number { value }), ..Default::default() },
                targets: vec![Target { year: Some(2025), text: String::new(), conditions: vec![condition.clone()] }],
                ..Default::default()
            };
            ind.actuals = vec![missed];
            assert_eq!(indicator_status(&ind, 2025, 2027, 2026).status, missed_status, "{condition:?} missed");
            ind.actuals = vec![met];
            assert_eq!(indicator_status(&ind, 2025, 2027, 2026).status, Achieved, "{condition:?} met");

            let c = json(&indicator_chart(&ind, period, 2026, Lang::En));
            assert_eq!(c["animation"], false);
            let targets = series_named(&c, "Target");
            let bounds = series_named(&c, "Target (bound)");
            let drawn_at = |s: &serde_json::Value| s["data"].as_array().unwrap().iter().map(|v| v.as_f64()).collect::<Vec<_>>();
            match drawn {
                Drawn::Line(v) => {
                    assert_eq!((targets.len(), bounds.len()), (1, 0), "{condition:?}");
                    assert_eq!(drawn_at(targets[0]), vec![None, Some(v), None, None], "{condition:?}");
                }
                Drawn::Band(lo, hi) => {
                    assert_eq!((targets.len(), bounds.len()), (0, 2), "{condition:?}");
                    assert_eq!(drawn_at(bounds[0]), vec![None, Some(lo), None, None]);
                    assert_eq!(drawn_at(bounds[1]), vec![None, Some(hi), None, None]);
                }
                Drawn::DueYear => {
                    assert_eq!(targets.len(), 1, "{condition:?}");
                    assert_eq!(targets[0]["data"][1]["value"], 1);
                    assert_eq!(targets[0]["markLine"]["data"][0]["xAxis"], "2025");
                }
                Drawn::Nothing => assert_eq!((targets.len(), bounds.len()), (0, 0), "{condition:?}"),
            }
            let actual = series_named(&c, "Actual")[0];
            if !matches!(drawn, Drawn::Nothing) {
                assert_eq!(actual["data"][1]["name"], "2025: Achieved", "{condition:?}");
                assert_eq!(actual["data"][1]["itemStyle"]["color"], status_colour(Achieved));
            }
        }
    }

    #[test]
    fn actual_tooltips_carry_the_comment_on_one_short_line() {
        let mut ind = turnover();
        ind.actuals[0].comment = "Aptaujas dati.\nSkaitā ietverti arī  pārcelšanas gadījumi.".into();
        ind.actuals[1].comment = "ž".repeat(300);
        let c = json(&indicator_chart(&ind, Period { start_year: 2024, end_year: 2027 }, 2026, Lang::Lv));
        let actual = series_named(&c, "Faktiskā vērtība")[0];
        assert_eq!(actual["data"][0]["name"], "2024: Izpildīts — Aptaujas dati. Skaitā ietverti arī pārcelšanas gadījumi.");
        let long = actual["data"][1]["name"].as_str().unwrap();
        let comment = long.strip_prefix("2025: Neizpildīts — ").unwrap();
        assert_eq!(comment.chars().count(), COMMENT_CHARS);
        assert!(comment.ends_with('…'));
        assert_eq!(c["tooltip"]["trigger"], "item", "the point's name shows in its tooltip");
    }

    fn row(id: &str, label: &str, counts: [usize; 6]) -> Group {
        let [achieved, on_track, at_risk, not_achieved, no_data, not_yet_due] = counts;
        Group {
            id: id.into(),
            label: label.into(),
            counts: crate::dashboard::StatusCounts { achieved, on_track, at_risk, not_achieved, no_data, not_yet_due },
            status: Status::Achieved,
        }
    }

    #[test]
    fn status_bars_stack_a_series_per_status() {
        let long = "3. Virzība uz draudzīgu visa veida vides pieejamību, balstīta komandas interesēs";
        let rows = vec![row("p1", "1 Cilvēki", [2, 1, 0, 1, 0, 3]), row("p2", "2 Procesi", [0, 0, 1, 0, 4, 0]), row("g3", long, [0; 6])];
        let c = json(&status_bars(&rows, "Prioritātes", Lang::Lv));
        assert_eq!(c["animation"], false);
        assert_eq!(c["title"][0]["text"], "Prioritātes", "charming writes titles as a list");
        assert_eq!(c["xAxis"]["type"], "value");
        assert_eq!((c["yAxis"]["type"].as_str(), c["yAxis"]["inverse"].as_bool()), (Some("category"), Some(true)));
        assert_eq!(c["yAxis"]["data"], serde_json::json!(["1 Cilvēki", "2 Procesi", "3. Virzība uz draudzīgu visa veida vides pieeja…"]), "long labels are cut");
        let series = c["series"].as_array().unwrap();
        let names: Vec<&str> = series.iter().map(|s| s["name"].as_str().unwrap()).collect();
        assert_eq!(names, vec!["Izpildīts", "Procesā", "Apdraudēts", "Neizpildīts", "Nav datu", "Vēl nav termiņš"]);
        for (s, status) in series.iter().zip(STATUS_ORDER) {
            assert_eq!((s["type"].as_str(), s["stack"].as_str()), (Some("bar"), Some("status")));
            assert_eq!(s["itemStyle"]["color"], status_colour(status));
        }
        let data: Vec<&serde_json::Value> = series.iter().map(|s| &s["data"]).collect();
        let expected = [[2, 0, 0], [1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 4, 0], [3, 0, 0]].map(|d| serde_json::json!(d));
        assert_eq!(data, expected.iter().collect::<Vec<_>>());
    }

    #[test]
    fn status_heatmap_colours_goal_by_year_cells() {
        use Status::*;
        let heat: Vec<HeatRow> = vec![
            ("g1".into(), "1. Pirmais".into(), vec![(2024, Achieved), (2025, NotAchieved), (2026, NotYetDue)]),
            ("g2".into(), "2. Otrais".into(), vec![(2024, Achieved), (2025, OnTrack), (2026, NotYetDue)]),
        ];
        let c = json(&status_heatmap(&heat, Lang::En));
        assert_eq!(c["animation"], false);
        assert_eq!(c["xAxis"]["data"], serde_json::json!(["2024", "2025", "2026"]));
        assert_eq!(c["yAxis"]["data"], serde_json::json!(["1. Pirmais", "2. Otrais"]));
        assert_eq!(c["tooltip"]["formatter"], "{b}: {a}");
        let map = &c["visualMap"][0];
        assert_eq!((map["type"].as_str(), map["dimension"].as_f64()), (Some("piecewise"), Some(2.0)));
        let pieces = map["pieces"].as_array().unwrap();
        assert_eq!(pieces.len(), 6);
        for (i, (piece, status)) in pieces.iter().zip(STATUS_ORDER).enumerate() {
            assert_eq!((piece["min"].as_f64(), piece["max"].as_f64()), (Some(i as f64), Some(i as f64)));
            assert_eq!((piece["label"].as_str(), piece["color"].as_str()), (Some(status_label(Lang::En, status)), Some(status_colour(status))));
        }
        let series = c["series"].as_array().unwrap();
        let by_name = |n: &str| series.iter().find(|s| s["name"] == n).unwrap();
        assert_eq!(series.len(), 4, "only statuses that occur");
        assert!(series.iter().all(|s| s["type"] == "heatmap"));
        assert_eq!(by_name("Achieved")["data"], serde_json::json!([[0, 0, 0], [0, 1, 0]]));
        assert_eq!(by_name("On track")["data"], serde_json::json!([[1, 1, 1]]));
        assert_eq!(by_name("Not achieved")["data"], serde_json::json!([[1, 0, 3]]));
        assert_eq!(by_name("Not yet due")["data"], serde_json::json!([[2, 0, 5], [2, 1, 5]]));
        assert_eq!(by_name("Not achieved")["itemStyle"]["color"], status_colour(NotAchieved));
    }
}
