//! Enum values as their snake_case names (as in the file format), for `<select>`s.

/// The serialised name of a unit-like enum value (`"not_achieved"`).
pub fn name<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// The enum value with a serialised name.
pub fn parse<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

/// `(name, label)` options for a select.
pub fn options<T: serde::Serialize + Copy>(values: &[T], label: impl Fn(T) -> &'static str) -> Vec<(String, String)> {
    values.iter().map(|v| (name(*v), label(*v).to_string())).collect()
}
