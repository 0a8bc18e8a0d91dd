//! Text as a terminal sends it when it is pasted without bracketed paste: the end-to-end
//! tests type it into the real binary, and the benchmarks time it.

/// Text of `len` bytes or so: words and line breaks as a terminal sends them when text is
/// pasted without bracketed paste (each character a key, each line break a carriage
/// return), ending with `end`.
pub fn pasted_text(len: usize, end: &str) -> String {
    let words = ["the", "census", "round", "of", "2020", "was", "reviewed", "by", "countries"];
    let mut text = String::new();
    let mut line = 0;
    for word in words.iter().cycle() {
        if text.len() + end.len() >= len {
            break;
        }
        if line > 60 {
            text.push('\r');
            line = 0;
        } else if line > 0 {
            text.push(' ');
            line += 1;
        }
        text.push_str(word);
        line += word.len();
    }
    text.push(' ');
    text + end
}
