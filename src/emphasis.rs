//! Where the report's text is emphasised: `*…*` around a publication's title, read as
//! CommonMark reads a single `*`, so the app, the Markdown and the HTML agree, and every `*`
//! that marks nothing (`2*3`, a lone ` * `, `**`) stays as written.

/// A run of text, emphasised or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a> {
    pub text: &'a str,
    pub emphasis: bool,
}

/// The runs of `text`, without the `*` marks that open and close emphasis; every other `*`
/// stays in the text. Empty runs are left out.
///
/// As in CommonMark: a lone `*` can open emphasis when the character after it is not a space
/// and is a letter or digit, or follows a space or punctuation (left-flanking); it can close
/// when the character before it is not a space and is a letter or digit, or is followed by a
/// space or punctuation (right-flanking); the start and end of the text count as spaces. A
/// closer pairs with the nearest opener before it that is still open; a mark that can do
/// both closes if it can, else opens. Runs of two or more `*` mark nothing here.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let marks = marks(text);
    let mut out = Vec::new();
    let mut at = 0;
    let mut depth = 0usize;
    for (i, opens) in marks {
        push_piece(&mut out, &text[at..i], depth > 0);
        if opens {
            depth += 1;
        } else {
            depth -= 1;
        }
        at = i + 1;
    }
    push_piece(&mut out, &text[at..], false);
    out
}

/// The text without its emphasis marks, for places that cannot show emphasis.
pub fn plain(text: &str) -> String {
    pieces(text).iter().map(|p| p.text).collect()
}

/// Whether `text` has emphasis: some pair of marks that `pieces` takes out.
pub fn has_emphasis(text: &str) -> bool {
    !marks(text).is_empty()
}

fn push_piece<'a>(out: &mut Vec<Piece<'a>>, text: &'a str, emphasis: bool) {
    if !text.is_empty() {
        out.push(Piece { text, emphasis });
    }
}

/// The byte offsets of the `*` that open or close emphasis, in order, with whether each
/// opens.
pub fn marks(text: &str) -> Vec<(usize, bool)> {
    if !text.contains('*') {
        return Vec::new();
    }
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let punct = |c: Option<char>| c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace());
    let mut openers: Vec<usize> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut before: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '*' {
            before = Some(c);
            continue;
        }
        let mut run = 1;
        while chars.next_if(|&(_, c)| c == '*').is_some() {
            run += 1;
        }
        let after = chars.peek().map(|&(_, c)| c);
        if run == 1 {
            let opens = !space(after) && (!punct(after) || space(before) || punct(before));
            let closes = !space(before) && (!punct(before) || space(after) || punct(after));
            match openers.pop() {
                Some(open) if closes => pairs.push((open, i)),
                popped => {
                    openers.extend(popped);
                    if opens {
                        openers.push(i);
                    }
                }
            }
        }
        before = Some('*');
    }
    let mut marks: Vec<(usize, bool)> =
        pairs.into_iter().flat_map(|(open, close)| [(open, true), (close, false)]).collect();
    marks.sort_unstable();
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str, emphasis: bool) -> Piece<'_> {
        Piece { text, emphasis }
    }

    #[test]
    fn marks_around_words_are_emphasis() {
        assert_eq!(
            pieces("see *Title* here"),
            [p("see ", false), p("Title", true), p(" here", false)]
        );
        assert_eq!(pieces("*A* and b"), [p("A", true), p(" and b", false)]);
        assert_eq!(
            pieces("the *Manual (2019)*, p. 3"),
            [p("the ", false), p("Manual (2019)", true), p(", p. 3", false)]
        );
        assert_eq!(pieces("*(Title)*"), [p("(Title)", true)]);
        assert_eq!(
            pieces("snake*case*word"),
            [p("snake", false), p("case", true), p("word", false)]
        );
    }

    #[test]
    fn marks_that_mark_nothing_stay_as_written() {
        let text = "Ratio 2*3 and a lone * star; **double**";
        assert_eq!(pieces(text), [p(text, false)]);
        for text in
            ["a * b", "*", "**", "* Title *", "x* y *z", "5 * 3 = 15", "a*", "*b", "***x***"]
        {
            assert_eq!(pieces(text), [p(text, false)], "{text}");
        }
        assert_eq!(pieces(""), []);
    }

    #[test]
    fn a_closer_takes_the_nearest_opener_and_unpaired_marks_stay() {
        assert_eq!(pieces("*A* and * b"), [p("A", true), p(" and * b", false)]);
        assert_eq!(pieces("2*3 and *Title*"), [p("2*3 and ", false), p("Title", true)]);
        assert_eq!(pieces("*a *b*"), [p("*a ", false), p("b", true)]);
        // Nested, as CommonMark nests them: all of it emphasised.
        assert_eq!(pieces("*a *b* c*"), [p("a ", true), p("b", true), p(" c", true)]);
    }

    #[test]
    fn plain_text_drops_only_the_marks() {
        assert_eq!(plain("*A* and * b"), "A and * b");
        assert_eq!(plain("Ratio 2*3; **double**"), "Ratio 2*3; **double**");
        assert!(has_emphasis("see *Title*"));
        assert!(!has_emphasis("2*3 and * b **c**"));
    }
}
