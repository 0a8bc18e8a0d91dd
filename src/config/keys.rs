//! The keys of a configuration: the keymap they give, and a problem for each clash.

use std::path::PathBuf;

use super::{Config, Problem, Spot};
use crate::action::Action;
use crate::keymap::{Claim, Clash, Context, Keymap, Origin};
use crate::store::CONFIG_FILE_NAME;

/// The ways out that must keep a key whatever the configuration says: quitting, and
/// leaving the text editor.
const WAYS_OUT: [(Context, Action); 2] =
    [(Context::Global, Action::Quit), (Context::EditText, Action::Back)];

impl Config {
    /// The default keymap with the configuration's keys, and a problem for each clash. A
    /// rebinding that would leave a way out with no key is refused, with a problem saying so.
    pub fn keymap(&self) -> (Keymap, Vec<Problem>) {
        let mut keys = self.keys.clone();
        let mut problems = Vec::new();
        let (keymap, clashes) = loop {
            let (keymap, clashes) = Keymap::default().with_rebindings(&keys);
            let stranded = WAYS_OUT.iter().find(|(context, action)| {
                keymap.keys(*context, action).is_empty()
                    && keys.iter().any(|r| r.context == *context && &r.action == action)
            });
            let Some((context, action)) = stranded else { break (keymap, clashes) };
            let at = keys.iter().position(|r| r.context == *context && &r.action == action);
            if let Some(index) = at {
                keys.remove(index);
                problems.push(self.way_out_kept(*context, action));
            }
        };
        problems.extend(clashes.iter().map(|clash| self.clash(clash, &keymap)));
        (keymap, problems)
    }

    /// The problem of a rebinding refused because it left `action` no key in `context`.
    fn way_out_kept(&self, context: Context, action: &Action) -> Problem {
        let index = self.keys.iter().position(|r| r.context == context && &r.action == action);
        let at = index.and_then(|i| self.spots.get(i)?.first()).map(|s| (s.line, s.column));
        let name = action.name().unwrap_or("?");
        Problem {
            path: self.source.clone().unwrap_or_else(|| PathBuf::from(CONFIG_FILE_NAME)),
            at,
            message: format!(
                "{name} in {} would have no key left; this binding is ignored and {name} keeps its \
                 default keys",
                context.name()
            ),
            fatal: false,
        }
    }

    fn spot(&self, origin: Origin) -> Option<&Spot> {
        match origin {
            Origin::Default => None,
            Origin::Rebinding { rebinding, key } => self.spots.get(rebinding)?.get(key),
        }
    }

    /// Says which binding got the key, at the place of the one written last.
    fn clash(&self, clash: &Clash, keymap: &Keymap) -> Problem {
        let order = |claim: &Claim| match claim.origin {
            Origin::Default => None,
            Origin::Rebinding { rebinding, key } => Some((rebinding, key)),
        };
        let kept_is_trigger = order(&clash.kept) > order(&clash.lost);
        let (trigger, other) =
            if kept_is_trigger { (&clash.kept, &clash.lost) } else { (&clash.lost, &clash.kept) };
        let spot = self.spot(trigger.origin);
        let name = |claim: &Claim| claim.action.name().unwrap_or("?").to_string();
        let describe = |claim: &Claim, is_trigger: bool| {
            let mut notes = Vec::new();
            if claim.context != clash.context {
                notes.push(format!("in {}", claim.context.name()));
            }
            match claim.origin {
                Origin::Default => notes.push("by default".to_string()),
                origin if !is_trigger => {
                    if let Some(spot) = self.spot(origin) {
                        notes.push(format!("line {}", spot.line));
                    }
                }
                _ => {}
            }
            if notes.is_empty() {
                name(claim)
            } else {
                format!("{} ({})", name(claim), notes.join(", "))
            }
        };
        let key = spot.map_or_else(|| clash.key.name(), |s| s.text.clone());
        let context = clash.context.name();
        let (kept, lost) = (name(&clash.kept), name(&clash.lost));
        let outcome = match (kept_is_trigger, clash.removed) {
            (false, true) => format!("it stays {kept}; this binding is ignored"),
            (false, false) => {
                format!(
                    "in {context} it stays {kept}; {lost} works where {context} does not hide it"
                )
            }
            (true, true) => {
                let left = keymap.keys(clash.context, &clash.lost.action);
                if left.is_empty() {
                    format!("it is now {kept}; {lost} loses it and has no key left in {context}")
                } else {
                    format!("it is now {kept}; {lost} keeps {}", left.join(" "))
                }
            }
            (true, false) => {
                format!("in {context} it is {kept}; {lost} still works elsewhere")
            }
        };
        let message = format!(
            "key {key:?} is bound to both {} and {} in {context}: {outcome}",
            describe(trigger, true),
            describe(other, false),
        );
        Problem {
            path: self.source.clone().unwrap_or_else(|| PathBuf::from(CONFIG_FILE_NAME)),
            at: spot.map(|s| (s.line, s.column)),
            message,
            fatal: false,
        }
    }
}
