//! A matter that outgrows one file: merging a file under a main file, continuing in a new volume,
//! and opening a part file while the main file is at another desk.

use super::{
    open_file, File, FileEvent, FileEventKind, FileNumber, FileRefusal, FileStatus, NewFile, MAX_CORRESPONDENCE,
};
use crate::auth::{authorize, Action, Actor};
use crate::ids::FileId;
use crate::org::Post;
use crate::text::Remarks;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// How a file relates to others of the same matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Family {
    /// 1 for a first volume.
    #[serde(default = "first_volume")]
    pub volume: u32,
    pub previous_volume: Option<FileId>,
    pub next_volume: Option<FileId>,
    /// For a part file: the main file it belongs to.
    pub part_of: Option<FileId>,
    /// Part files opened from this one so far.
    pub parts_opened: u32,
    /// For a merged file: the main file it was attached under.
    pub merged_into: Option<FileId>,
    /// Files attached under this one.
    pub merged: Vec<FileId>,
    /// The numbers of the files named above, so they can be shown without fetching each.
    #[serde(default)]
    pub numbers: BTreeMap<FileId, String>,
}

fn first_volume() -> u32 {
    1
}

impl Default for Family {
    /// A first volume, on its own.
    fn default() -> Self {
        Self {
            volume: first_volume(),
            previous_volume: None,
            next_volume: None,
            part_of: None,
            parts_opened: 0,
            merged_into: None,
            merged: Vec::new(),
            numbers: BTreeMap::new(),
        }
    }
}

impl Family {
    fn remember(&mut self, file: &File) {
        self.numbers.insert(file.id.clone(), file.number.text.clone());
    }
}

impl File {
    /// The holder attaches another active file from the same desk under this one: the part stops
    /// moving on its own and travels inside this file.
    pub fn merge(
        &self,
        version: u64,
        actor: &Actor,
        part: &File,
        now: OffsetDateTime,
    ) -> Result<[(File, FileEvent); 2], FileRefusal> {
        self.check_version(version)?;
        self.check_workable(actor)?;
        if part.id == self.id || part.holder != self.holder || part.check_workable(actor).is_err() {
            return Err(FileRefusal::CannotMerge);
        }
        if self.family.merged.len() >= MAX_CORRESPONDENCE {
            return Err(FileRefusal::Full);
        }
        let by = &actor.employee;
        let mut main = self.clone();
        main.family.merged.push(part.id.clone());
        main.family.remember(part);
        main.opened = true;
        let mut merged = part.clone();
        merged.status = FileStatus::Merged;
        merged.family.merged_into = Some(self.id.clone());
        merged.family.remember(self);
        merged.last_send = None;
        Ok([
            main.record(
                FileEventKind::Merged { part: part.id.clone() },
                by,
                self.holder.clone(),
                None,
                Remarks::empty(),
                now,
            ),
            merged.record(
                FileEventKind::MergedInto { main: self.id.clone() },
                by,
                self.holder.clone(),
                None,
                Remarks::empty(),
                now,
            ),
        ])
    }

    /// The number a later volume or a part of this file carries.
    fn derived_number(&self, suffix: String) -> FileNumber {
        let base = match self.family.volume {
            1 => self.number.text.as_str(),
            n => self
                .number
                .text
                .strip_suffix(&format!(" (Vol. {n})"))
                .unwrap_or(&self.number.text),
        };
        FileNumber {
            text: format!("{base} ({suffix})"),
            ..self.number.clone()
        }
    }

    /// A new file on the same matter (a volume or a part), numbered after this one.
    fn sibling(
        &self,
        id: FileId,
        suffix: String,
        actor: &Actor,
        at: &Post,
        now: OffsetDateTime,
    ) -> Result<(File, FileEvent), FileRefusal> {
        open_file(
            NewFile {
                id,
                number: self.derived_number(suffix),
                subject: self.subject.clone(),
                category: self.category,
                head: self.head.clone(),
                at_post: at,
                by: actor.employee.clone(),
                remarks: Remarks::empty(),
                old_number: None,
                scans: Vec::new(),
                classification: self.classification,
                medium: self.medium,
            },
            now,
        )
    }

    /// The holder closes this volume and continues the matter in a new one, at the same desk.
    /// Returns the closed volume and the new one, each with its history entry.
    pub fn open_volume(
        &self,
        version: u64,
        actor: &Actor,
        at: &Post,
        new_id: FileId,
        now: OffsetDateTime,
    ) -> Result<[(File, FileEvent); 2], FileRefusal> {
        self.check_version(version)?;
        self.check_workable(actor)?;
        let volume = self.family.volume + 1;
        let (mut next, created) = self.sibling(new_id.clone(), format!("Vol. {volume}"), actor, at, now)?;
        // The matter's owner stays the desk that opened the first volume, and the desks that read
        // the earlier volume may read this one.
        next.created_by_post = self.created_by_post.clone();
        next.path = self.path.clone();
        next.family.volume = volume;
        next.family.previous_volume = Some(self.id.clone());
        next.family.remember(self);
        let mut closed = self.clone();
        closed.status = FileStatus::Closed;
        closed.family.next_volume = Some(new_id.clone());
        closed.family.remember(&next);
        closed.last_send = None;
        let (closed, closed_event) = closed.record(
            FileEventKind::ContinuedIn { volume: new_id },
            &actor.employee,
            self.holder.clone(),
            None,
            Remarks::parse(&format!("Continued in volume {volume}")).expect("short remarks are valid"),
            now,
        );
        Ok([(closed, closed_event), (next, created)])
    }

    /// A desk that has seen this file opens a part file at its own post, to carry on with the
    /// matter while the main file is elsewhere; the part is merged back later.
    pub fn open_part(
        &self,
        actor: &Actor,
        at: &Post,
        new_id: FileId,
        now: OffsetDateTime,
    ) -> Result<[(File, FileEvent); 2], FileRefusal> {
        if authorize(actor, Action::ViewFile, self.as_resource()).is_err() || !actor.holds(&at.id) {
            return Err(FileRefusal::NotWithYou);
        }
        if !matches!(self.status, FileStatus::Active | FileStatus::Parked) {
            return Err(FileRefusal::CannotOpenPart);
        }
        let part_number = self.family.parts_opened + 1;
        let (mut part, created) = self.sibling(new_id.clone(), format!("Part {part_number}"), actor, at, now)?;
        part.family.part_of = Some(self.id.clone());
        part.family.remember(self);
        let mut main = self.clone();
        main.family.parts_opened = part_number;
        let (main, main_event) = main.record(
            FileEventKind::PartOpened { part: new_id },
            &actor.employee,
            at.id.clone(),
            None,
            Remarks::empty(),
            now,
        );
        Ok([(main, main_event), (part, created)])
    }
}
