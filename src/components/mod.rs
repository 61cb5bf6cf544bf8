//! UI components, one per file; they render state and dispatch to [`crate::state::AppState`].

pub mod app_header;
pub mod context_items;
pub mod damaged_row;
pub mod drag_handle;
pub mod example_list;
pub mod goal_block;
pub mod import_button;
pub mod import_dialog;
pub mod indicator_chart;
pub mod indicator_form;
pub mod indicator_row;
pub mod item_actions;
pub mod level_names_form;
pub mod list_editor;
pub mod new_strategy_form;
pub mod notice_bar;
pub mod paste_dialog;
pub mod priority_block;
pub mod reorder;
pub mod result_block;
pub mod select_field;
pub mod strategy_row;
pub mod table_cell;
pub mod text_field;
pub mod value_item;
