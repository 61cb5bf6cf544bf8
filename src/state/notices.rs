//! Messages shown above the page until dismissed. Rule: the other parts say
//! what happened; the wording, in the interface language, is chosen here.

use leptos::prelude::*;
use strategy_core::i18n::{fill, Lang, Texts};
use strategy_core::library::{Meta, StoreError};

/// A message shown above the page until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Info(String),
    Error(String),
    /// Storage is full: offer to export.
    QuotaFull,
    /// A strategy was deleted into the recently deleted list: offer to undo.
    Deleted(Box<Meta>),
    /// A working session left changes that are in no file: offer to keep one.
    KeepAFile { id: String, title: String },
}

/// The notice shown; cheap to copy, provided by context.
#[derive(Clone, Copy)]
pub struct Notices {
    /// The message shown, if any.
    pub notice: RwSignal<Option<Notice>>,
    lang: RwSignal<Lang>,
}

impl Notices {
    /// No message yet; texts in the language `lang` holds.
    pub fn new(lang: RwSignal<Lang>) -> Self {
        Notices { notice: RwSignal::new(None), lang }
    }

    /// The interface texts in the current language (untracked).
    pub fn texts(&self) -> &'static Texts {
        self.lang.get_untracked().texts()
    }

    /// Shows `notice`, or none.
    pub fn set(&self, notice: Option<Notice>) {
        self.notice.set(notice);
    }

    /// Shows an error message.
    pub fn error(&self, text: impl Into<String>) {
        self.set(Some(Notice::Error(text.into())));
    }

    /// Takes down the storage-full message, if it is the one shown.
    pub fn clear_quota_full(&self) {
        if matches!(self.notice.get_untracked(), Some(Notice::QuotaFull)) {
            self.set(None);
        }
    }

    /// Saving the open strategy failed: say so, and offer to export it.
    pub fn store_failed(&self, e: StoreError) {
        let notice = match e {
            StoreError::QuotaExceeded => Notice::QuotaFull,
            StoreError::Other(reason) => Notice::Error(fill(self.texts().storage_error, &[("reason", &reason)])),
        };
        self.set(Some(notice));
    }

    /// Storing a strategy that is not open (new, copied, restored, imported)
    /// failed: nothing was changed; say so by its title.
    pub fn not_stored(&self, e: StoreError, title: &str) {
        let t = self.texts();
        let text = match e {
            StoreError::QuotaExceeded => fill(t.not_stored_full, &[("title", title)]),
            StoreError::Other(reason) => fill(t.storage_error, &[("reason", &reason)]),
        };
        self.error(text);
    }
}
