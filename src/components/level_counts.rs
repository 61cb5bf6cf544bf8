//! The size of a strategy's tree: how many items each declared level has,
//! under the strategy's own level names, and how many indicators.

use strategy_core::i18n::Lang;
use strategy_core::report::stats;
use strategy_core::Strategy;

/// How many nodes each level has, then the indicators, as
/// "Priority: 3 · Goal: 10 · Result: 25 · Indicator: 57" (the level names in `lang`).
pub fn level_counts(s: &Strategy, lang: Lang) -> String {
    let st = stats(s);
    let per_level = s.levels.iter().map(|level| (lang.name(&level.name).to_string(), st.level(&level.key)));
    let indicators = (lang.name(&s.indicator_name).to_string(), st.indicators);
    per_level.chain(std::iter::once(indicators)).map(|(name, n)| format!("{name}: {n}")).collect::<Vec<_>>().join(" · ")
}
