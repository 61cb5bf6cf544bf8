//! Chart options for indicators, built as charming [`Chart`]s (serialisable
//! ECharts options), so they are tested on the host and only drawn in the app.

use charming::component::{Axis, Grid, Legend, Title};
use charming::datatype::{DataPoint, DataPointItem};
use charming::element::{AxisType, ItemStyle, LineStyle, LineStyleType, Symbol, Tooltip, Trigger};
use charming::series::Line;
use charming::Chart;

use crate::i18n::{status_label, Lang};
use crate::model::{Condition, Indicator, IndicatorKind, Period, Status, Target};
use crate::status::{baseline_number, indicator_status};

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
        Condition::DoneIn { .. } | Condition::RatingAtLeast { .. } => None,
    })
}

/// Words for the chart that depend on the interface language.
fn words(lang: Lang) -> (&'static str, &'static str, &'static str, &'static str) {
    let t = lang.texts();
    (t.baseline, t.target, t.actual, if lang == Lang::Lv { "robeža" } else { "bound" })
}

/// The chart of one indicator over the strategy's period: baseline, targets
/// (a line for `≥`/`≤`/`=`, two lines for a range), and actuals coloured by
/// their computed status. Milestones are drawn as done (1) or not (0).
pub fn indicator_chart(indicator: &Indicator, period: Period, current_year: i32, lang: Lang) -> Chart {
    let first = indicator.baseline.year.filter(|y| *y < period.start_year).unwrap_or(period.start_year);
    let years: Vec<i32> = (first..=period.end_year).collect();
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
            match value {
                None => DataPoint::from(None::<f64>),
                Some(v) => {
                    let status = indicator_status(indicator, year, period.end_year, current_year).status;
                    let name = format!("{year}: {}", status_label(lang, status));
                    DataPointItem::new(v).name(name).item_style(ItemStyle::new().color(status_colour(status))).into()
                }
            }
        })
        .collect();
    let baseline_points: Vec<Option<f64>> =
        years.iter().map(|y| if Some(*y) == indicator.baseline.year.or(Some(first)).filter(|_| base.is_some()) { base } else { None }).collect();

    let mut chart = Chart::new()
        .animation(false)
        .title(Title::new().text(indicator.name.clone()).left("center").text_style(charming::element::TextStyle::new().font_size(14)))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().bottom(0))
        .grid(Grid::new().left(48).right(24).top(48).bottom(48).contain_label(true))
        .x_axis(Axis::new().type_(AxisType::Category).data(years.iter().map(|y| y.to_string()).collect()))
        .y_axis(if milestone {
            Axis::new().type_(AxisType::Value).min(0).max(1).interval(1)
        } else {
            Axis::new().type_(AxisType::Value).name(indicator.unit.clone()).scale(true)
        });
    if base.is_some() {
        chart = chart.series(Line::new().name(baseline_word).symbol(Symbol::Diamond).symbol_size(12).data(baseline_points));
    }
    if low.iter().any(Option::is_some) {
        let name = if is_range { format!("{target_word} ({bound_word})") } else { target_word.to_string() };
        let dashed = || LineStyle::new().type_(LineStyleType::Dashed).color("#6b4fbb");
        chart = chart.series(Line::new().name(name.clone()).connect_nulls(true).line_style(dashed()).item_style(ItemStyle::new().color("#6b4fbb")).data(low));
        if is_range {
            chart = chart.series(Line::new().name(name).connect_nulls(true).line_style(dashed()).item_style(ItemStyle::new().color("#6b4fbb")).data(high));
        }
    }
    chart.series(
        Line::new()
            .name(actual_word)
            .connect_nulls(true)
            .symbol_size(12)
            .line_style(LineStyle::new().color("#202124"))
            .item_style(ItemStyle::new().color("#202124"))
            .data(actuals),
    )
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
        ind.baseline = Baseline { text: "12 (2023)".into(), value: BaselineValue::Number { value: 12.0 }, year: Some(2023), unit: None };
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
            targets: vec![Target { year: Some(2026), text: "x".into(), conditions: vec![Condition::DoneIn { year: 2026 }] }],
            actuals: vec![
                Actual { period: ReportingPeriod::year(2025), done: Some(false), ..Default::default() },
                Actual { period: ReportingPeriod::year(2026), done: Some(true), ..Default::default() },
            ],
            ..Default::default()
        };
        let c = json(&indicator_chart(&ind, Period { start_year: 2024, end_year: 2027 }, 2027, Lang::En));
        let actual = c["series"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(actual["data"][1]["value"], 0.0);
        assert_eq!(actual["data"][2]["value"], 1.0);
        assert_eq!(actual["data"][2]["itemStyle"]["color"], status_colour(Status::Achieved));
        assert_eq!((c["yAxis"]["min"].as_f64(), c["yAxis"]["max"].as_f64()), (Some(0.0), Some(1.0)));
    }
}
