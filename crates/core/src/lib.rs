//! Pure domain code of Strategy Studio: the strategy model, the versioned file
//! format with validation, target parsing, status computation and numbering.
//! No web or UI dependency, so everything here is tested natively.

pub mod capture;
pub mod carry;
pub mod change;
pub mod chart;
pub mod compare;
pub mod dashboard;
pub mod docs;
pub mod edit;
pub mod evaluation;
pub mod file_link;
pub mod format;
pub mod history;
pub mod i18n;
pub mod id;
pub mod library;
pub mod lock;
pub mod map;
pub mod migrate;
pub mod model;
pub mod numbering;
pub mod problem;
pub mod report;
pub mod status;
pub mod table;
pub mod target;
pub mod v1;
pub mod validate;
pub mod walk;
pub mod window;
pub mod workshop;

pub use format::{compact, decode, export, import, Imported, FORMAT, VERSION};
pub use model::*;
pub use problem::{Problem, Severity};
