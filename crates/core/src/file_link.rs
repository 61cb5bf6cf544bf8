//! A strategy kept in a real file as well as in the browser (the File System
//! Access API where the browser has it). Rule: once a file is linked, every
//! saved revision is also written to it, one write at a time and always the
//! newest revision waiting; a failed write is said and tried again at the
//! next save, and the browser's copy is never touched by it.
//!
//! This is the state machine only; the app does the writing and reports back.

/// What the linked file holds, for the app to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileState {
    /// No file is linked.
    Unlinked,
    /// The file holds the revision last saved.
    Saved { name: String },
    /// A write is under way or waiting.
    Writing { name: String },
    /// The last write failed, with the browser's reason.
    Failed { name: String, reason: String },
}

/// The link between the open strategy and a file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileLink {
    /// The linked file's name (none: not linked).
    name: Option<String>,
    /// The revision the file holds (0: none yet).
    written: u64,
    /// The revision being written.
    writing: Option<u64>,
    /// The newest revision saved since the write under way began.
    waiting: Option<u64>,
    /// Why the last write failed.
    failed: Option<String>,
}

impl FileLink {
    /// Links the file `name`, which holds nothing of ours yet.
    pub fn link(name: &str) -> Self {
        FileLink { name: Some(name.to_string()), ..Default::default() }
    }

    /// Links the file `name`, which holds `revision` (it was just read or written).
    pub fn linked_at(name: &str, revision: u64) -> Self {
        FileLink { written: revision, ..FileLink::link(name) }
    }


    /// The revision the file holds.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// `revision` was saved in the browser: the revision to write now, if
    /// any (none when no file is linked, the file has it, or a write is under
    /// way: then it waits and [`FileLink::done`] hands it out).
    pub fn saved(&mut self, revision: u64) -> Option<u64> {
        self.name.as_ref()?;
        if revision <= self.written || self.writing == Some(revision) {
            return None;
        }
        if self.writing.is_some() {
            self.waiting = Some(self.waiting.map_or(revision, |w| w.max(revision)));
            return None;
        }
        self.writing = Some(revision);
        Some(revision)
    }

    /// The write under way ended (`Err` with the reason); the revision to
    /// write next, if one waits.
    pub fn done(&mut self, result: Result<(), String>) -> Option<u64> {
        let revision = self.writing.take()?;
        match result {
            Ok(()) => {
                self.written = self.written.max(revision);
                self.failed = None;
            }
            Err(reason) => self.failed = Some(reason),
        }
        let next = self.waiting.take().filter(|w| *w > self.written)?;
        self.writing = Some(next);
        Some(next)
    }

    /// What to show.
    pub fn state(&self) -> FileState {
        let Some(name) = self.name.clone() else { return FileState::Unlinked };
        match (&self.failed, self.writing) {
            (_, Some(_)) => FileState::Writing { name },
            (Some(reason), None) => FileState::Failed { name, reason: reason.clone() },
            (None, None) => FileState::Saved { name },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_written_without_a_file() {
        let mut link = FileLink::default();
        assert_eq!(link.saved(3), None);
        assert_eq!(link.state(), FileState::Unlinked);
    }

    #[test]
    fn each_save_is_written_once_and_the_newest_waiting_goes_next() {
        let mut link = FileLink::link("plan.json");
        assert_eq!(link.saved(1), Some(1));
        assert_eq!(link.state(), FileState::Writing { name: "plan.json".into() });
        assert_eq!(link.saved(1), None, "already being written");
        assert_eq!((link.saved(2), link.saved(3)), (None, None), "one write at a time");
        assert_eq!(link.done(Ok(())), Some(3), "the newest waiting, not each one");
        assert_eq!(link.written(), 1);
        assert_eq!(link.done(Ok(())), None);
        assert_eq!((link.written(), link.state()), (3, FileState::Saved { name: "plan.json".into() }));
        assert_eq!(link.saved(3), None, "the file has it");
        assert_eq!(link.saved(4), Some(4));
    }

    #[test]
    fn a_failed_write_is_said_and_tried_again_at_the_next_save() {
        let mut link = FileLink::linked_at("plan.json", 5);
        assert_eq!(link.saved(5), None, "just read from the file");
        assert_eq!(link.saved(6), Some(6));
        assert_eq!(link.done(Err("NotAllowedError".into())), None);
        assert_eq!(link.state(), FileState::Failed { name: "plan.json".into(), reason: "NotAllowedError".into() });
        assert_eq!(link.written(), 5);
        assert_eq!(link.saved(7), Some(7));
        assert_eq!(link.state(), FileState::Writing { name: "plan.json".into() });
        assert_eq!(link.done(Ok(())), None);
        assert_eq!((link.written(), link.state()), (7, FileState::Saved { name: "plan.json".into() }));
    }

    #[test]
    fn a_save_waiting_behind_a_failed_write_is_written_next() {
        let mut link = FileLink::link("plan.json");
        assert_eq!(link.saved(1), Some(1));
        assert_eq!(link.saved(2), None);
        assert_eq!(link.done(Err("disk full".into())), Some(2));
        assert_eq!(link.done(Ok(())), None);
        assert_eq!((link.written(), link.state()), (2, FileState::Saved { name: "plan.json".into() }));
    }
}
