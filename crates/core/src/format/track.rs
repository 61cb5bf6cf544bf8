//! One wrapping deserializer that, in a single pass, tracks the JSON path of
//! what is being read, names the path of the first error, and collects the
//! paths of unknown (ignored) fields. It replaces `serde_path_to_error` over
//! `serde_ignored`, whose two layers of wrappers made the whole model's
//! `Deserialize` code three times over; with one layer it is there once more.
//!
//! Paths read as `goals[3].indicators[0].baseline`: keys joined by `.`, sequence
//! indices in brackets, `Option`s and newtypes transparent; the root is `""`.
//! The root struct is read only from a JSON object (serde_json would also take
//! an array of its fields in order, which a file never means).

use std::cell::RefCell;

use serde::de::{self, DeserializeSeed, Visitor};

/// One step of a path: a key of a map or struct, or an index of a sequence.
enum Segment {
    Key(String),
    Index(usize),
}

/// What one read noticed: the current path, the path of the first error and
/// the paths of the ignored fields.
#[derive(Default)]
struct Track {
    path: RefCell<Vec<Segment>>,
    /// The key just read by a map's `next_key_seed`, taken by its map.
    key: RefCell<Option<String>>,
    error: RefCell<Option<String>>,
    unknown: RefCell<Vec<String>>,
}

impl Track {
    /// The current path as text.
    fn current(&self) -> String {
        let mut out = String::new();
        for segment in self.path.borrow().iter() {
            match segment {
                Segment::Key(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                Segment::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    /// Notes the current path as the error's, unless a deeper one was noted.
    fn fail<E>(&self, e: E) -> E {
        let mut error = self.error.borrow_mut();
        if error.is_none() {
            *error = Some(self.current());
        }
        e
    }

    /// Runs `f` with `segment` on the path.
    fn at<R>(&self, segment: Segment, f: impl FnOnce() -> R) -> R {
        self.path.borrow_mut().push(segment);
        let r = f();
        self.path.borrow_mut().pop();
        r
    }
}

/// An error of a tracked read, with the path where it happened.
#[derive(Debug)]
pub struct PathError<E> {
    /// Where: `""` for the root.
    pub path: String,
    pub inner: E,
}

/// Deserialises a `T` from `d` (the root read only from an object), noting the
/// path of each unknown field in `unknown` and the path of an error in the error.
pub fn tracked<'de, D: de::Deserializer<'de>, T: de::Deserialize<'de>>(d: D, unknown: &mut Vec<String>) -> Result<T, PathError<D::Error>> {
    let track = Track::default();
    let result = T::deserialize(Wrap { de: d, t: &track, root: true });
    unknown.append(&mut track.unknown.borrow_mut());
    result.map_err(|inner| PathError { path: track.error.take().unwrap_or_default(), inner })
}

/// The deserializer wrapper.
struct Wrap<'t, D> {
    de: D,
    t: &'t Track,
    /// The root: a struct is read from an object only.
    root: bool,
}

/// The visitor wrapper: what the visitor is handed is wrapped in turn.
struct Vis<'t, V> {
    v: V,
    t: &'t Track,
}

/// The seed wrapper, for sequence elements, map values and variants.
struct Seed<'t, S> {
    s: S,
    t: &'t Track,
}

/// The seed of a map's key: notes the key it reads in the track.
struct KeySeed<'t, S> {
    s: S,
    t: &'t Track,
}

/// The deserializer and visitor of a map's key.
struct Key<'t, X> {
    v: X,
    t: &'t Track,
}

struct Seq<'t, S> {
    s: S,
    t: &'t Track,
    index: usize,
}

struct Map<'t, M> {
    m: M,
    t: &'t Track,
    key: Option<String>,
}

struct Enum<'t, E> {
    e: E,
    t: &'t Track,
}

macro_rules! forward_wrapped {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            let t = self.t;
            self.de.$method(Vis { v: visitor, t }).map_err(|e| t.fail(e))
        }
    )*};
}

impl<'de, D: de::Deserializer<'de>> de::Deserializer<'de> for Wrap<'_, D> {
    type Error = D::Error;

    forward_wrapped! {
        deserialize_any, deserialize_bool, deserialize_i8, deserialize_i16, deserialize_i32, deserialize_i64,
        deserialize_i128, deserialize_u8, deserialize_u16, deserialize_u32, deserialize_u64, deserialize_u128,
        deserialize_f32, deserialize_f64, deserialize_char, deserialize_str, deserialize_string, deserialize_bytes,
        deserialize_byte_buf, deserialize_option, deserialize_unit, deserialize_seq, deserialize_map,
        deserialize_identifier
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, D::Error> {
        let t = self.t;
        self.de.deserialize_unit_struct(name, Vis { v: visitor, t }).map_err(|e| t.fail(e))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, D::Error> {
        let t = self.t;
        self.de.deserialize_newtype_struct(name, Vis { v: visitor, t }).map_err(|e| t.fail(e))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, D::Error> {
        let t = self.t;
        self.de.deserialize_tuple(len, Vis { v: visitor, t }).map_err(|e| t.fail(e))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(self, name: &'static str, len: usize, visitor: V) -> Result<V::Value, D::Error> {
        let t = self.t;
        self.de.deserialize_tuple_struct(name, len, Vis { v: visitor, t }).map_err(|e| t.fail(e))
    }

    fn deserialize_struct<V: Visitor<'de>>(self, name: &'static str, fields: &'static [&'static str], visitor: V) -> Result<V::Value, D::Error> {
        let t = self.t;
        let visitor = Vis { v: visitor, t };
        if self.root {
            self.de.deserialize_map(visitor)
        } else {
            self.de.deserialize_struct(name, fields, visitor)
        }
        .map_err(|e| t.fail(e))
    }

    fn deserialize_enum<V: Visitor<'de>>(self, name: &'static str, variants: &'static [&'static str], visitor: V) -> Result<V::Value, D::Error> {
        let t = self.t;
        self.de.deserialize_enum(name, variants, Vis { v: visitor, t }).map_err(|e| t.fail(e))
    }

    /// A value nobody reads: an unknown field, noted at its path.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        let t = self.t;
        let path = t.current();
        t.unknown.borrow_mut().push(path);
        self.de.deserialize_ignored_any(visitor).map_err(|e| t.fail(e))
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.v.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Vis<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.v.expecting(f)
    }

    forward_visit! {
        visit_bool: bool, visit_i8: i8, visit_i16: i16, visit_i32: i32, visit_i64: i64, visit_i128: i128,
        visit_u8: u8, visit_u16: u16, visit_u32: u32, visit_u64: u64, visit_u128: u128, visit_f32: f32,
        visit_f64: f64, visit_char: char, visit_str: &str, visit_borrowed_str: &'de str, visit_string: String,
        visit_bytes: &[u8], visit_borrowed_bytes: &'de [u8], visit_byte_buf: Vec<u8>
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.v.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.v.visit_unit()
    }

    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.v.visit_some(Wrap { de: d, t: self.t, root: false })
    }

    fn visit_newtype_struct<D: de::Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.v.visit_newtype_struct(Wrap { de: d, t: self.t, root: false })
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, s: A) -> Result<V::Value, A::Error> {
        self.v.visit_seq(Seq { s, t: self.t, index: 0 })
    }

    fn visit_map<A: de::MapAccess<'de>>(self, m: A) -> Result<V::Value, A::Error> {
        self.v.visit_map(Map { m, t: self.t, key: None })
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, e: A) -> Result<V::Value, A::Error> {
        self.v.visit_enum(Enum { e, t: self.t })
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<'_, S> {
    type Value = S::Value;

    /// An error of the seed's own code (say, of a `deserialize_with`) is at the seed's path too.
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        let t = self.t;
        self.s.deserialize(Wrap { de: d, t, root: false }).map_err(|e| t.fail(e))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.s.deserialize(Key { v: d, t: self.t })
    }
}

macro_rules! forward_key {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.v.$method(Key { v: visitor, t: self.t })
        }
    )*};
}

/// A key is read by the key's own code; only its text is noted on the way.
impl<'de, D: de::Deserializer<'de>> de::Deserializer<'de> for Key<'_, D> {
    type Error = D::Error;

    forward_key! {
        deserialize_any, deserialize_bool, deserialize_i8, deserialize_i16, deserialize_i32, deserialize_i64,
        deserialize_i128, deserialize_u8, deserialize_u16, deserialize_u32, deserialize_u64, deserialize_u128,
        deserialize_f32, deserialize_f64, deserialize_char, deserialize_str, deserialize_string, deserialize_bytes,
        deserialize_byte_buf, deserialize_option, deserialize_unit, deserialize_seq, deserialize_map,
        deserialize_identifier, deserialize_ignored_any
    }

    serde::forward_to_deserialize_any! { unit_struct newtype_struct tuple tuple_struct struct enum }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Key<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.v.expecting(f)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        *self.t.key.borrow_mut() = Some(v.to_owned());
        self.v.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        *self.t.key.borrow_mut() = Some(v.to_owned());
        self.v.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        *self.t.key.borrow_mut() = Some(v.clone());
        self.v.visit_string(v)
    }

    forward_visit! {
        visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64, visit_bytes: &[u8],
        visit_borrowed_bytes: &'de [u8], visit_byte_buf: Vec<u8>
    }
}

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for Seq<'_, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, A::Error> {
        let t = self.t;
        let index = self.index;
        self.index += 1;
        let s = &mut self.s;
        t.at(Segment::Index(index), || s.next_element_seed(Seed { s: seed, t })).map_err(|e| t.fail(e))
    }

    fn size_hint(&self) -> Option<usize> {
        self.s.size_hint()
    }
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for Map<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        let t = self.t;
        let result = self.m.next_key_seed(KeySeed { s: seed, t });
        self.key = t.key.borrow_mut().take();
        result.map_err(|e| match self.key.take() {
            Some(key) => t.at(Segment::Key(key), || t.fail(e)),
            None => t.fail(e),
        })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        let t = self.t;
        let key = self.key.take().unwrap_or_else(|| "?".into());
        let m = &mut self.m;
        t.at(Segment::Key(key), || m.next_value_seed(Seed { s: seed, t })).map_err(|e| t.fail(e))
    }

    fn size_hint(&self) -> Option<usize> {
        self.m.size_hint()
    }
}

impl<'de, 't, A: de::EnumAccess<'de>> de::EnumAccess<'de> for Enum<'t, A> {
    type Error = A::Error;
    type Variant = Enum<'t, A::Variant>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self::Variant), A::Error> {
        let t = self.t;
        self.e.variant_seed(seed).map(|(value, e)| (value, Enum { e, t })).map_err(|e| t.fail(e))
    }
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for Enum<'_, A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        let t = self.t;
        self.e.unit_variant().map_err(|e| t.fail(e))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        let t = self.t;
        self.e.newtype_variant_seed(Seed { s: seed, t }).map_err(|e| t.fail(e))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let t = self.t;
        self.e.tuple_variant(len, Vis { v: visitor, t }).map_err(|e| t.fail(e))
    }

    fn struct_variant<V: Visitor<'de>>(self, fields: &'static [&'static str], visitor: V) -> Result<V::Value, A::Error> {
        let t = self.t;
        self.e.struct_variant(fields, Vis { v: visitor, t }).map_err(|e| t.fail(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Outer {
        #[serde(default)]
        goals: Vec<Inner>,
        #[serde(default)]
        note: Option<Inner>,
    }

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Inner {
        #[serde(default)]
        year: u32,
        #[serde(default)]
        kind: Kind,
    }

    #[derive(serde::Deserialize, Debug, PartialEq, Default)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        #[default]
        Plain,
        Other,
    }

    fn read(text: &str) -> (Result<Outer, String>, Vec<String>) {
        let mut unknown = Vec::new();
        let result = tracked(&mut serde_json::Deserializer::from_str(text), &mut unknown).map_err(|e| e.path);
        (result, unknown)
    }

    #[test]
    fn an_error_names_its_path() {
        assert_eq!(read(r#"{"goals":[{"year":1},{"year":"x"}]}"#).0, Err("goals[1].year".into()));
        assert_eq!(read(r#"{"note":{"kind":"odd"}}"#).0, Err("note.kind".into()));
        assert_eq!(read(r#"{"goals":3}"#).0, Err("goals".into()));
        assert_eq!(read(r#"[]"#).0, Err(String::new()), "the root is an object only");
    }

    #[test]
    fn unknown_fields_are_collected_with_their_paths() {
        let (result, unknown) = read(r#"{"x":1,"goals":[{"year":2},{"kind":"other","y":[1,{"z":2}]}],"note":{"w":null}}"#);
        assert_eq!(result.map(|o| o.goals.len()), Ok(2));
        assert_eq!(unknown, ["x", "goals[1].y", "note.w"]);
    }
}
