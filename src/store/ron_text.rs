//! The report as RON text, written directly: the same bytes as ron's pretty printer gives
//! with the store's settings (struct names, four-space indent; tested against it), several
//! times faster on large reports, because plain characters are copied in runs instead of
//! escaped one by one.

use std::fmt::Write;

use crate::model::{Activity, Coordinator, DocumentType, Group, Report, Section};

/// The report's text, without the final line break.
pub fn report(report: &Report) -> String {
    let mut w = Writer { out: String::with_capacity(estimate(report)), depth: 0 };
    w.open("Report");
    w.field("format", |w| w.number(report.format));
    w.field("symbol", |w| w.string(&report.symbol));
    w.field("date", |w| w.string(&report.date));
    w.field("title", |w| w.string(&report.title));
    w.field("meeting", |w| w.string(&report.meeting));
    w.field("venue", |w| w.string(&report.venue));
    w.field("introduction", |w| w.list(&report.introduction, section));
    w.field("groups", |w| w.list(&report.groups, group));
    w.close();
    w.out
}

fn section(w: &mut Writer, s: &Section) {
    w.open("Section");
    w.field("heading", |w| w.option(s.heading.as_deref()));
    w.field("paragraphs", |w| w.list(&s.paragraphs, |w, p| w.string(p)));
    w.close();
}

fn group(w: &mut Writer, g: &Group) {
    w.open("Group");
    w.field("title", |w| w.string(&g.title));
    w.field("topic", |w| w.string(&g.topic));
    w.field("document_type", |w| {
        w.out.push_str(match g.document_type {
            DocumentType::RegionalStandard => "RegionalStandard",
            DocumentType::Thematic => "Thematic",
        })
    });
    w.field("general_objective", |w| w.string(&g.general_objective));
    w.field("specific_objectives", |w| w.list(&g.specific_objectives, |w, o| w.string(o)));
    w.field("coordinators", |w| w.list(&g.coordinators, coordinator));
    w.field("activities", |w| w.list(&g.activities, activity));
    w.close();
}

fn coordinator(w: &mut Writer, c: &Coordinator) {
    w.open("Coordinator");
    w.field("country", |w| w.string(&c.country));
    w.field("institution", |w| w.string(&c.institution));
    w.close();
}

fn activity(w: &mut Writer, a: &Activity) {
    w.open("Activity");
    w.field("topic", |w| w.option(a.topic.as_deref()));
    w.field("description", |w| w.string(&a.description));
    w.field("progress", |w| w.number(a.progress.get()));
    w.field("remarks", |w| w.string(&a.remarks));
    w.close();
}

/// Room for the text, so it is not copied as it grows: the strings and some layout.
fn estimate(report: &Report) -> usize {
    let activities: usize =
        report.activities().map(|a| a.description.len() + a.remarks.len() + 160).sum();
    activities + report.groups.len() * 1024 + 4096
}

struct Writer {
    out: String,
    depth: usize,
}

impl Writer {
    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("    ");
        }
    }

    fn open(&mut self, name: &str) {
        self.out.push_str(name);
        self.out.push_str("(\n");
        self.depth += 1;
    }

    fn close(&mut self) {
        self.depth -= 1;
        self.indent();
        self.out.push(')');
    }

    fn field(&mut self, name: &str, value: impl FnOnce(&mut Writer)) {
        self.indent();
        self.out.push_str(name);
        self.out.push_str(": ");
        value(self);
        self.out.push_str(",\n");
    }

    fn list<T>(&mut self, items: &[T], item: impl Fn(&mut Writer, &T)) {
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

    fn option(&mut self, value: Option<&str>) {
        match value {
            Some(text) => {
                self.out.push_str("Some(");
                self.string(text);
                self.out.push(')');
            }
            None => self.out.push_str("None"),
        }
    }

    fn number(&mut self, n: impl std::fmt::Display) {
        let _ = write!(self.out, "{n}");
    }

    /// A string as ron escapes it (`char::escape_debug`, character by character), with the
    /// characters that need no escape copied in runs.
    fn string(&mut self, text: &str) {
        self.out.push('"');
        let mut plain = 0;
        for (i, c) in text.char_indices() {
            let verbatim = matches!(c, ' '..='~') && !matches!(c, '"' | '\'' | '\\');
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
mod tests {
    use ron::ser::PrettyConfig;

    use crate::model::{Progress, Report};

    /// What ron's own pretty printer writes with the store's settings.
    fn by_ron(report: &Report) -> String {
        let config = PrettyConfig::new().struct_names(true).indentor("    ".to_string());
        ron::ser::to_string_pretty(report, config).unwrap()
    }

    #[test]
    fn the_text_is_rons_own_for_the_shipped_report() {
        let report = crate::store::shipped().unwrap();
        assert_eq!(super::report(&report), by_ron(&report));
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
        assert_eq!(super::report(&report), by_ron(&report));
    }
}
