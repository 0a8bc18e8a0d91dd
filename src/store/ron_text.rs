//! The report as RON text, written directly: the same bytes as ron's pretty printer gives
//! with the store's settings (struct names, four-space indent; tested against it), several
//! times faster on large reports, because plain characters are copied in runs instead of
//! escaped one by one.
//!
//! The text comes in pieces: what stands before the groups, each group, what stands after.
//! Groups are written on all cores, stored one after the other, and read back one by one,
//! so a large report is neither copied into one string nor parsed again whole. The recovery
//! file, a report with who left it, is written with the same writer.

use std::fmt::Write;

use rayon::prelude::*;

use super::marks::Marks;
use super::recovery::Base;
use crate::merge::{Field, Place, Value};
use crate::model::{
    Activity, Coordinator, DocumentType, Group, Groups, Note, Report, Review, Section, StatedIn,
};

/// A file's text in pieces; joined, they are the file.
#[derive(Debug)]
pub struct Pieces {
    /// Up to and including the line that opens the list of groups.
    pub head: String,
    /// Each group: its indent, its value, the comma and the line break after it.
    pub groups: Vec<String>,
    /// From the line that closes the list of groups to the final line break.
    pub tail: String,
}

impl Pieces {
    /// The pieces in file order.
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.head.as_str())
            .chain(self.groups.iter().map(String::as_str))
            .chain(std::iter::once(self.tail.as_str()))
    }

    /// The whole text.
    pub fn join(&self) -> String {
        let mut text = String::with_capacity(self.parts().map(str::len).sum());
        self.parts().for_each(|part| text.push_str(part));
        text
    }

    /// The text with the groups left out: a value whose list of groups is empty.
    pub fn skeleton(&self) -> String {
        [self.head.as_str(), self.tail.as_str()].concat()
    }
}

/// The text of a report file.
pub fn report(report: &Report) -> Pieces {
    let mut w = Writer::new();
    report_value(&mut w, report);
    w.finish()
}

/// The text of a merged report whose conflicts are marked: each conflicting field's lines
/// (ours, as the report holds) between git's conflict markers, with the base's and theirs'.
pub(super) fn marked(report: &Report, marks: &Marks<'_>) -> String {
    let mut w = Writer::new();
    w.marks = Some(marks);
    report_value(&mut w, report);
    w.finish().join()
}

/// A report as a value, where a file holds one (a report file, a recovery file).
pub(super) fn report_value(w: &mut Writer, report: &Report) {
    w.open("Report");
    w.field("format", |w| w.number(report.format));
    w.text_field(Field::Symbol, "symbol", &report.symbol);
    w.text_field(Field::Date, "date", &report.date);
    w.text_field(Field::Title, "title", &report.title);
    w.text_field(Field::Meeting, "meeting", &report.meeting);
    w.text_field(Field::Venue, "venue", &report.venue);
    // Format 2's fields are written where they are set, as serde skips them when not, so
    // a report without them reads as format 1 wrote it.
    if let Some(distribution) = report.distribution {
        w.addition("distribution", |w| w.option_of(Some(&distribution), |w, d| w.debug(d)));
    }
    if let Some(language) = report.language {
        w.addition("language", |w| w.option_of(Some(&language), |w, l| w.debug(l)));
    }
    if let Some(language) = report.original_language {
        w.addition("original_language", |w| w.option_of(Some(&language), |w, l| w.debug(l)));
    }
    if let Some(job_number) = &report.job_number {
        w.addition("job_number", |w| w.option(Some(job_number)));
    }
    w.marked_field(Field::Introduction, "introduction", |w| w.list(&report.introduction, section));
    w.field("groups", |w| w.groups(&report.groups));
    if !report.reviews.is_empty() {
        w.addition("reviews", |w| w.list(&report.reviews, review));
    }
    w.close();
}

fn review(w: &mut Writer, r: &Review) {
    w.open("Review");
    w.field("rule", |w| w.string(&r.rule));
    w.field("place", |w| w.string(&r.place));
    w.field("reason", |w| w.string(&r.reason));
    w.close();
}

fn note(w: &mut Writer, n: &Note) {
    w.open("Note");
    w.field("paragraph", |w| w.number(n.paragraph));
    w.field("text", |w| w.string(&n.text));
    w.close();
}

/// What a recovery journal's edits began from: the groups they changed, each in full.
pub(super) fn base_value(w: &mut Writer, base: &Base) {
    w.open("Base");
    w.field("fingerprint", |w| w.string(&base.fingerprint));
    w.field("head", |w| report_value(w, &base.head));
    w.field("groups", |w| w.list(&base.groups, |w, g| w.option_of(g.as_ref(), group)));
    w.close();
}

pub(super) fn section(w: &mut Writer, s: &Section) {
    w.open("Section");
    w.field("heading", |w| w.option(s.heading.as_deref()));
    w.field("paragraphs", |w| w.list(&s.paragraphs, |w, p| w.string(p)));
    if !s.notes.is_empty() {
        w.field("notes", |w| w.list(&s.notes, note));
    }
    w.close();
}

pub(super) fn group(w: &mut Writer, g: &Group) {
    w.open("Group");
    w.text_field(Field::GroupTitle, "title", &g.title);
    w.text_field(Field::Topic, "topic", &g.topic);
    w.marked_field(Field::DocumentType, "document_type", |w| w.document_type(g.document_type));
    w.text_field(Field::GeneralObjective, "general_objective", &g.general_objective);
    w.marked_field(Field::SpecificObjectives, "specific_objectives", |w| {
        w.list(&g.specific_objectives, |w, o| w.string(o))
    });
    w.marked_field(Field::Coordinators, "coordinators", |w| w.list(&g.coordinators, coordinator));
    if g.no_coordinators_stated {
        w.addition("no_coordinators_stated", |w| w.out.push_str("true"));
    }
    w.field("activities", |w| w.activities(&g.activities));
    w.close();
}

pub(super) fn coordinator(w: &mut Writer, c: &Coordinator) {
    w.open("Coordinator");
    w.field("country", |w| w.string(&c.country));
    w.field("institution", |w| w.string(&c.institution));
    if let Some(StatedIn::ActivityRemarks(number)) = c.stated_in {
        w.field("stated_in", |w| w.out.push_str(&format!("Some(ActivityRemarks({number}))")));
    }
    w.close();
}

pub(super) fn activity(w: &mut Writer, a: &Activity) {
    w.open("Activity");
    w.marked_field(Field::ActivityTopic, "topic", |w| w.option(a.topic.as_deref()));
    w.text_field(Field::Description, "description", &a.description);
    w.marked_field(Field::Progress, "progress", |w| w.number(a.progress.get()));
    w.text_field(Field::Remarks, "remarks", &a.remarks);
    w.close();
}

/// Room for a group's text, so it is not copied as it grows: the strings and some layout.
fn estimate(g: &Group) -> usize {
    let activities: usize =
        g.activities.iter().map(|a| a.description.len() + a.remarks.len() + 160).sum();
    activities + 1024
}

/// Writes values in the layout of the file: one field a line, four-space indents.
pub(super) struct Writer<'m> {
    pub(super) out: String,
    depth: usize,
    /// The head and the groups, once the list of groups has been written.
    cut: Option<(String, Vec<String>)>,
    /// The conflicts to mark, if any, and where in the merged report the writing is.
    pub(super) marks: Option<&'m Marks<'m>>,
    pub(super) place: Place,
}

impl<'m> Writer<'m> {
    pub(super) fn new() -> Writer<'m> {
        Writer { out: String::new(), depth: 0, cut: None, marks: None, place: Place::Report }
    }

    /// The pieces written, ending with the file's last line break.
    pub(super) fn finish(mut self) -> Pieces {
        self.out.push('\n');
        match self.cut {
            Some((head, groups)) => Pieces { head, groups, tail: self.out },
            None => Pieces { head: self.out, groups: Vec::new(), tail: String::new() },
        }
    }

    pub(super) fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("    ");
        }
    }

    pub(super) fn open(&mut self, name: &str) {
        self.out.push_str(name);
        self.out.push_str("(\n");
        self.depth += 1;
    }

    pub(super) fn close(&mut self) {
        self.depth -= 1;
        self.indent();
        self.out.push(')');
    }

    pub(super) fn field(&mut self, name: &str, value: impl FnOnce(&mut Writer)) {
        self.indent();
        self.out.push_str(name);
        self.out.push_str(": ");
        value(self);
        self.out.push_str(",\n");
    }

    pub(super) fn list<T>(&mut self, items: &[T], item: impl Fn(&mut Writer, &T)) {
        if items.is_empty() {
            self.out.push_str("[]");
            return;
        }
        self.out.push_str("[\n");
        self.depth += 1;
        for x in items {
            self.indent();
            item(self, x);
            self.out.push_str(",\n");
        }
        self.depth -= 1;
        self.indent();
        self.out.push(']');
    }

    /// The list of groups, as `list` writes it, but each group in a string of its own.
    fn groups(&mut self, groups: &Groups) {
        let removed = self.removed_by_ours(Place::Report, Field::Group);
        if groups.is_empty() && removed.is_empty() {
            self.out.push_str("[]");
            return;
        }
        self.out.push_str("[\n");
        let (depth, marks) = (self.depth + 1, self.marks);
        let pieces = groups
            .shared()
            .par_iter()
            .enumerate()
            .map(|(at, g)| {
                let out = String::with_capacity(estimate(g));
                let mut w = Writer { out, depth, cut: None, marks, place: Place::Group(at) };
                w.marked_item(Field::Group, |w| group(w, g));
                w.out
            })
            .collect();
        self.cut = Some((std::mem::take(&mut self.out), pieces));
        self.depth += 1;
        self.removed_items(&removed);
        self.depth -= 1;
        self.indent();
        self.out.push(']');
    }

    /// A group's activities, as `list` writes them, each at its place for the marks.
    fn activities(&mut self, activities: &[Activity]) {
        let Place::Group(g) = self.place else { return self.list(activities, activity) };
        let removed = self.removed_by_ours(self.place, Field::Activity);
        if activities.is_empty() && removed.is_empty() {
            self.out.push_str("[]");
            return;
        }
        self.out.push_str("[\n");
        self.depth += 1;
        for (at, a) in activities.iter().enumerate() {
            self.place = Place::Activity { group: g, activity: at };
            self.marked_item(Field::Activity, |w| activity(w, a));
        }
        self.place = Place::Group(g);
        self.removed_items(&removed);
        self.depth -= 1;
        self.indent();
        self.out.push(']');
    }

    fn document_type(&mut self, document_type: DocumentType) {
        self.out.push_str(match document_type {
            DocumentType::RegionalStandard => "RegionalStandard",
            DocumentType::Thematic => "Thematic",
        })
    }

    /// A field's value as a conflict holds it.
    pub(super) fn value(&mut self, value: &Value) {
        match value {
            Value::Text(text) => self.string(text),
            Value::Topic(topic) => self.option(topic.as_deref()),
            Value::Progress(progress) => self.number(progress.get()),
            Value::Texts(texts) => self.list(texts, |w, t| w.string(t)),
            Value::Coordinators(coordinators) => self.list(coordinators, coordinator),
            Value::Sections(sections) => self.list(sections, section),
            Value::DocumentType(document_type) => self.document_type(*document_type),
            // Whole items, written as the list holds them; nothing where a side removed one.
            Value::Group(g) => g.iter().for_each(|g| group(self, g)),
            Value::Activity(a) => a.iter().for_each(|a| activity(self, a)),
            Value::Raw(text) => self.out.push_str(text),
        }
    }

    pub(super) fn option(&mut self, value: Option<&str>) {
        self.option_of(value, |w, text| w.string(text));
    }

    pub(super) fn option_of<T: ?Sized>(
        &mut self,
        value: Option<&T>,
        write: impl FnOnce(&mut Writer, &T),
    ) {
        match value {
            Some(value) => {
                self.out.push_str("Some(");
                write(self, value);
                self.out.push(')');
            }
            None => self.out.push_str("None"),
        }
    }

    /// A field format 2 added, marked where a merge left it in conflict.
    fn addition(&mut self, name: &'static str, value: impl FnOnce(&mut Writer)) {
        self.marked_field(Field::Addition(name), name, value);
    }

    /// A unit variant of an enum, named as serde names it.
    fn debug(&mut self, value: &impl std::fmt::Debug) {
        let _ = write!(self.out, "{value:?}");
    }

    pub(super) fn number(&mut self, n: impl std::fmt::Display) {
        let _ = write!(self.out, "{n}");
    }

    /// A string as ron escapes it (`char::escape_debug`, character by character), but for
    /// the apostrophe, which needs no escape in a RON string (`groups' replies`, not
    /// `groups\' replies`); the characters that need no escape are copied in runs.
    pub(super) fn string(&mut self, text: &str) {
        self.out.push('"');
        let mut plain = 0;
        for (i, c) in text.char_indices() {
            let verbatim = matches!(c, ' '..='~') && !matches!(c, '"' | '\\');
            if verbatim {
                continue;
            }
            self.out.push_str(&text[plain..i]);
            for e in c.escape_debug() {
                self.out.push(e);
            }
            plain = i + c.len_utf8();
        }
        self.out.push_str(&text[plain..]);
        self.out.push('"');
    }
}

#[cfg(test)]
pub(super) mod tests {
    use ron::ser::PrettyConfig;

    use crate::model::Progress;

    /// What ron's own pretty printer writes with the store's settings, and a line break;
    /// with apostrophes unescaped, as the store writes them (ron escapes them needlessly).
    pub(in crate::store) fn by_ron<T: serde::Serialize>(value: &T) -> String {
        let config = PrettyConfig::new().struct_names(true).indentor("    ".to_string());
        let text = ron::ser::to_string_pretty(value, config).unwrap() + "\n";
        // Outside strings ron writes no apostrophe, and `\\'` would be an escaped
        // backslash before one: the tests' texts put none there.
        assert!(!text.contains("\\\\'"));
        text.replace("\\'", "'")
    }

    #[test]
    fn the_text_is_rons_own_for_the_shipped_report() {
        let report = crate::store::shipped().unwrap();
        assert_eq!(super::report(&report).join(), by_ron(&report));
    }

    #[test]
    fn the_pieces_are_the_text_before_between_and_after_the_groups() {
        let report = crate::generate::report(3, 2, 5);
        let pieces = super::report(&report);
        assert_eq!(pieces.groups.len(), 3);
        assert!(pieces.head.ends_with("    groups: [\n"), "{}", pieces.head);
        assert!(
            pieces
                .groups
                .iter()
                .all(|g| g.starts_with("        Group(\n") && g.ends_with("        ),\n"))
        );
        assert_eq!(pieces.tail, "    ],\n)\n");
        let mut empty = report.clone();
        empty.groups.clear();
        assert_eq!(pieces.skeleton(), super::report(&empty).join().replace("[]", "[\n    ]"));
    }

    #[test]
    fn the_text_is_rons_own_for_any_characters_and_empty_lists() {
        let mut report = crate::generate::report(3, 4, 7);
        let awkward = "quote \" apostrophe ' back\\slash\n\nnew\tline \r é ñ 中文 😀 \
                       שלום مرحبا e\u{301} \u{200b} \u{2028} \u{feff} \u{0} \u{7f} *x* – —";
        report.title = awkward.to_string();
        report.introduction[0].heading = Some(awkward.to_string());
        report.introduction[0].paragraphs.clear();
        let group = &mut report.groups[1];
        group.coordinators.clear();
        group.specific_objectives = vec![awkward.to_string(), String::new()];
        group.activities[0].topic = Some(awkward.to_string());
        group.activities[0].remarks = awkward.to_string();
        group.activities[1].progress = Progress::FULL;
        report.groups[2].activities.clear();
        assert_eq!(super::report(&report).join(), by_ron(&report));
        report.groups.clear();
        assert_eq!(super::report(&report).join(), by_ron(&report));
    }
}
