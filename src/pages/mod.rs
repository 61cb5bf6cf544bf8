//! Pages: the library, and the editor with its sections.

pub mod checks;
pub mod compare;
pub mod context;
pub mod dashboard;
pub mod editor;
pub mod evaluation;
pub mod goal_map;
pub mod indicators;
pub mod library;
pub mod monitoring;
pub mod overview;
pub mod reports;
pub mod structure;
pub mod workshop;
