//! Text measured in terminal columns, so accented and wide characters (é, 中文) line up:
//! cutting with an ellipsis and padding.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` cut to `width` columns, ending in "…" when something was cut.
pub fn ellipsize(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` padded with spaces to at least `width` columns; never cut.
pub fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(fill))
}

/// `text` padded with spaces (or cut) to exactly `width` columns.
pub fn fit(text: &str, width: usize) -> String {
    pad(&ellipsize(text, width), width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ellipsis_respects_wide_characters() {
        assert_eq!(ellipsize("abcdef", 4), "abc…");
        assert_eq!(ellipsize("中文中文", 5), "中文…");
        assert_eq!(ellipsize("ñandú", 5), "ñandú");
        assert_eq!(fit("中", 3), "中 ");
        assert_eq!(pad("中文", 3), "中文");
    }
}
