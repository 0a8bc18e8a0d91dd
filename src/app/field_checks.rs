//! What a field's text must be beyond not being empty: a date written as YYYY-MM-DD (refused
//! otherwise, the text kept in the editor), and a coordinator not listed twice (warned about,
//! since it may be meant).

use super::App;
use crate::i18n::fill;
use crate::model::numeral;

impl App {
    /// Warns when coordinator `c` of group `g` is another of its coordinators again (same
    /// country and institution, ignoring case and spacing): kept, since it may be meant.
    pub(super) fn warn_duplicate_coordinator(&mut self, g: usize, c: usize) {
        let Some(group) = self.report().groups.get(g) else { return };
        let key = |c: &crate::model::Coordinator| {
            let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            (norm(&c.country), norm(&c.institution))
        };
        let Some(this) = group.coordinators.get(c).map(key) else { return };
        if let Some(other) =
            group.coordinators.iter().enumerate().position(|(i, o)| i != c && key(o) == this)
        {
            let texts = self.texts();
            let text = fill(
                texts.duplicate_coordinator,
                &[("number", &(c + 1)), ("other", &(other + 1)), ("numeral", &numeral(g + 1))],
            );
            self.error(text);
        }
    }
}

/// Whether `text` is a date as the report writes it: YYYY-MM-DD, a real day.
pub(super) fn is_date(text: &str) -> bool {
    let text = text.trim();
    text.len() == 10 && text.parse::<jiff::civil::Date>().is_ok()
}
