//! The remarks of the activity in view, wrapped at the view's width: worked out by `update`
//! when the activity, its text or the width changes, so that drawing reads only the lines
//! on screen, however long the remarks.

use super::App;
use crate::action::Pane;
use crate::wrap::Wrapped;

/// The wrapped remarks, with what they were wrapped for: the revision, the activity, the
/// text (where it lives and its length, which a reloaded report changes) and the width.
#[derive(Debug, Default)]
pub(super) struct RemarksLayout {
    of: Option<(u64, usize, usize, usize, usize)>,
    wrapped: Wrapped,
}

impl App {
    /// The selected activity's remarks wrapped at the activity view's width, while the view
    /// shows them.
    pub fn remarks_layout(&self) -> Option<&Wrapped> {
        let layout = &self.view.remarks;
        (layout.of.is_some() && layout.of == self.remarks_key()).then_some(&layout.wrapped)
    }

    fn remarks_key(&self) -> Option<(u64, usize, usize, usize, usize)> {
        let remarks = &self.selected_activity()?.remarks;
        let at = remarks.as_ptr() as usize;
        Some((self.document.revision(), self.view.group, self.view.activity, at, remarks.len()))
    }

    /// Wraps the remarks again if the activity view is open and they, or its width, changed.
    pub(super) fn refresh_remarks(&mut self) {
        let width = self.view.viewport.detail_width;
        if self.view.focus != Pane::Activity || width == 0 {
            return;
        }
        let of = self.remarks_key();
        if of.is_some() && of == self.view.remarks.of && self.view.remarks.wrapped.width == width {
            return;
        }
        let Some(activity) = self.selected_activity() else { return };
        let wrapped = Wrapped::new(&activity.remarks, width);
        self.view.remarks = RemarksLayout { of, wrapped };
    }
}
