//! Key names: how the screen shows a key, and how the configuration file writes and reads one.

use crossterm::event::{KeyCode, KeyModifiers};

use super::normalize;

/// Several keys shown as one hint: "↑↓" for arrows and signs, "K/J" for letters and names.
pub fn join_keys(keys: &[String]) -> String {
    let compact =
        keys.iter().all(|k| k.chars().count() == 1 && !k.chars().all(char::is_alphanumeric));
    keys.join(if compact { "" } else { "/" })
}

/// How a key is written on screen: "Ctrl-S", "↑", "PgDn", "Shift-Tab".
pub fn key_label(code: KeyCode, modifiers: KeyModifiers) -> String {
    let name = match code {
        KeyCode::Up => "↑".to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::Left => "←".to_string(),
        KeyCode::Right => "→".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        KeyCode::Home => "Home".to_string(),
        KeyCode::End => "End".to_string(),
        KeyCode::Enter => "Enter".to_string(),
        KeyCode::Esc => "Esc".to_string(),
        KeyCode::Tab => "Tab".to_string(),
        KeyCode::BackTab => "Shift-Tab".to_string(),
        KeyCode::Backspace => "Backspace".to_string(),
        KeyCode::Delete => "Del".to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
            c.to_ascii_uppercase().to_string()
        }
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    };
    let mut label = String::new();
    if modifiers.contains(KeyModifiers::CONTROL) {
        label.push_str("Ctrl-");
    }
    if modifiers.contains(KeyModifiers::ALT) {
        label.push_str("Alt-");
    }
    // A character says Shift by its case; Shift-Tab has a name of its own.
    if modifiers.contains(KeyModifiers::SHIFT)
        && !matches!(code, KeyCode::Char(_) | KeyCode::BackTab)
    {
        label.push_str("Shift-");
    }
    label + &name
}

/// A key as bindings compare it: Shift is part of a character ('G'), and Shift-Tab is
/// `BackTab`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> Key {
        Key { code, modifiers: normalize(code, modifiers) }
    }

    /// Reads a key as the configuration file writes it ("ctrl-s", "shift-tab", "pageup",
    /// "f2", "space", "G", "?") or as the screen shows it ("Ctrl-S", "PgDn", "↑").
    /// Modifier and key names are not case-sensitive; a single character is.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let found = [
                ("ctrl-", KeyModifiers::CONTROL),
                ("control-", KeyModifiers::CONTROL),
                ("alt-", KeyModifiers::ALT),
                ("shift-", KeyModifiers::SHIFT),
            ]
            .into_iter()
            .find(|(prefix, _)| lower.starts_with(prefix) && lower.len() > prefix.len());
            match found {
                Some((prefix, modifier)) => {
                    modifiers |= modifier;
                    rest = &rest[prefix.len()..];
                }
                None => break,
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (None, _) => return Err("no key named".to_string()),
            (Some(c), None) => match c {
                '↑' => KeyCode::Up,
                '↓' => KeyCode::Down,
                '←' => KeyCode::Left,
                '→' => KeyCode::Right,
                c if c.is_control() => return Err("a control character is not a key name".into()),
                c => KeyCode::Char(c),
            },
            _ => named_key(&rest.to_ascii_lowercase()).ok_or_else(|| {
                format!(
                    "unknown key name {rest:?} (write \"a\", \"ctrl-s\", \"f2\", \"pagedown\" …)"
                )
            })?,
        };
        let shift = modifiers.contains(KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Tab if shift => {
                modifiers -= KeyModifiers::SHIFT;
                KeyCode::BackTab
            }
            KeyCode::Char(c) if shift => {
                if !c.is_alphabetic() {
                    return Err(format!(
                        "shift with {c:?}: write the character Shift gives, such as \"?\" or \"+\""
                    ));
                }
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            // The screen writes Ctrl-S for Ctrl with s.
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_lowercase().next().unwrap_or(c))
            }
            code => code,
        };
        Ok(Key::new(code, modifiers))
    }

    /// How the configuration file writes the key: "ctrl-s", "shift-tab", "pagedown", "G".
    pub fn name(self) -> String {
        let mut name = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            name.push_str("ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            name.push_str("alt-");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            name.push_str("shift-");
        }
        let key = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c)
                if self.modifiers.contains(KeyModifiers::CONTROL) && c.is_uppercase() =>
            {
                format!("shift-{}", c.to_lowercase())
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("f{n}"),
            KeyCode::BackTab => "shift-tab".to_string(),
            code => KEY_NAMES
                .iter()
                .find(|(_, c)| *c == code)
                .map_or_else(|| format!("{code:?}").to_lowercase(), |(n, _)| n.to_string()),
        };
        name + &key
    }

    /// How the screen shows the key.
    pub fn label(self) -> String {
        key_label(self.code, self.modifiers)
    }
}

/// Keys with a name, and the other names they are known by.
const KEY_NAMES: [(&str, KeyCode); 14] = [
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
];

fn named_key(lower: &str) -> Option<KeyCode> {
    let alias = match lower {
        "pgup" | "page_up" | "page-up" => "pageup",
        "pgdn" | "pgdown" | "page_down" | "page-down" => "pagedown",
        "return" => "enter",
        "escape" => "esc",
        "del" => "delete",
        "ins" => "insert",
        other => other,
    };
    if alias == "space" {
        return Some(KeyCode::Char(' '));
    }
    if alias == "backtab" {
        return Some(KeyCode::BackTab);
    }
    if let Some(n) = alias.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        return (1..=24).contains(&n).then_some(KeyCode::F(n));
    }
    KEY_NAMES.iter().find(|(name, _)| *name == alias).map(|(_, code)| *code)
}
