//! Rebinding from the configuration: actions given other keys, and the clashes that follow.

use super::{Binding, Context, Key, Keymap};
use crate::action::Action;

/// The keys the configuration gives an action in a context; they replace its default keys
/// there (no keys: the action has none there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebinding {
    pub context: Context,
    pub action: Action,
    pub keys: Vec<Key>,
}

/// Where a binding comes from: the default keymap, or key `key` of rebinding `rebinding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Default,
    Rebinding { rebinding: usize, key: usize },
}

/// One side of a clash: an action bound to the key in a context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub context: Context,
    pub action: Action,
    pub origin: Origin,
}

/// Two actions on one key where the same lookup sees both: in one context, or in a context
/// and the `Global` it falls back to. `kept` is what the key does in `context`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub key: Key,
    /// Where the key does `kept` and not `lost`.
    pub context: Context,
    pub kept: Claim,
    pub lost: Claim,
    /// Whether `lost` is gone from the keymap (else it still works where `kept` does not
    /// hide it).
    pub removed: bool,
}

impl Keymap {
    /// This keymap with the keys of some actions replaced, and the clashes that made a
    /// binding give way. Rebindings are taken in order: a key an earlier rebinding took in a
    /// context stays with it; a key a default binding had goes to the rebinding. A binding in
    /// a context hides one in `Global` for that context. The new keys take the place of the
    /// old ones in the table, so rebinding an action to its own keys changes nothing.
    pub fn with_rebindings(&self, rebindings: &[Rebinding]) -> (Keymap, Vec<Clash>) {
        let rebound = |context: Context, action: &Action| {
            rebindings.iter().any(|r| r.context == context && &r.action == action)
        };
        // The bindings kept from the table, and where each rebound action's keys go.
        enum Slot {
            Kept(Binding, bool),
            Rebound(Context, Action),
        }
        let mut slots: Vec<Slot> = Vec::new();
        for binding in &self.bindings {
            if !rebound(binding.context, &binding.action) {
                slots.push(Slot::Kept(binding.clone(), true));
            } else if !slots.iter().any(|s| {
                matches!(s, Slot::Rebound(c, a) if *c == binding.context && *a == binding.action)
            }) {
                slots.push(Slot::Rebound(binding.context, binding.action.clone()));
            }
        }
        for r in rebindings {
            if !slots
                .iter()
                .any(|s| matches!(s, Slot::Rebound(c, a) if *c == r.context && *a == r.action))
            {
                slots.push(Slot::Rebound(r.context, r.action.clone()));
            }
        }
        // The rebindings' keys that take effect, with where they come from.
        let mut accepted: Vec<(Binding, Origin)> = Vec::new();
        let mut clashes = Vec::new();
        for (index, r) in rebindings.iter().enumerate() {
            for (k, key) in r.keys.iter().enumerate() {
                let origin = Origin::Rebinding { rebinding: index, key: k };
                let this = Claim { context: r.context, action: r.action.clone(), origin };
                let same_key = |b: &Binding, context: Context| {
                    b.context == context && b.code == key.code && b.modifiers == key.modifiers
                };
                // An earlier rebinding of this key in this context keeps it.
                if let Some((earlier, from)) = accepted.iter().find(|(b, _)| same_key(b, r.context))
                {
                    if earlier.action != r.action {
                        clashes.push(Clash {
                            key: *key,
                            context: r.context,
                            kept: Claim {
                                context: r.context,
                                action: earlier.action.clone(),
                                origin: *from,
                            },
                            lost: this,
                            removed: true,
                        });
                    }
                    continue;
                }
                // A default binding of this key gives way, here and, for a key bound in
                // Global, in the contexts that fall back to it.
                let reach: Vec<Context> = if r.context == Context::Global {
                    Context::all().filter(|c| c.falls_back_to_global()).collect()
                } else {
                    vec![r.context]
                };
                for slot in &mut slots {
                    if let Slot::Kept(b, live) = slot
                        && *live
                        && reach.contains(&b.context)
                        && same_key(b, b.context)
                        && b.action != r.action
                    {
                        *live = false;
                        clashes.push(Clash {
                            key: *key,
                            context: b.context,
                            kept: this.clone(),
                            lost: Claim {
                                context: b.context,
                                action: b.action.clone(),
                                origin: Origin::Default,
                            },
                            removed: true,
                        });
                    }
                }
                if r.context == Context::Global {
                    // A context's own rebinding of the key hides this one there.
                    for (b, from) in &accepted {
                        if b.context.falls_back_to_global()
                            && same_key(b, b.context)
                            && b.action != r.action
                        {
                            clashes.push(Clash {
                                key: *key,
                                context: b.context,
                                kept: Claim {
                                    context: b.context,
                                    action: b.action.clone(),
                                    origin: *from,
                                },
                                lost: this.clone(),
                                removed: false,
                            });
                        }
                    }
                } else if r.context.falls_back_to_global() {
                    // This binding hides Global's binding of the key in this context.
                    let global = slots
                        .iter()
                        .filter_map(|s| match s {
                            Slot::Kept(b, true) => Some((b, Origin::Default)),
                            _ => None,
                        })
                        .chain(accepted.iter().map(|(b, o)| (b, *o)))
                        .find(|(b, _)| same_key(b, Context::Global) && b.action != r.action);
                    if let Some((b, from)) = global {
                        clashes.push(Clash {
                            key: *key,
                            context: r.context,
                            kept: this.clone(),
                            lost: Claim {
                                context: Context::Global,
                                action: b.action.clone(),
                                origin: from,
                            },
                            removed: false,
                        });
                    }
                }
                let binding = Binding {
                    context: r.context,
                    code: key.code,
                    modifiers: key.modifiers,
                    action: r.action.clone(),
                };
                accepted.push((binding, origin));
            }
        }
        let mut bindings = Vec::new();
        for slot in slots {
            match slot {
                Slot::Kept(binding, true) => bindings.push(binding),
                Slot::Kept(_, false) => {}
                Slot::Rebound(context, action) => bindings.extend(
                    accepted
                        .iter()
                        .filter(|(b, _)| b.context == context && b.action == action)
                        .map(|(b, _)| b.clone()),
                ),
            }
        }
        // A clash the default table has too is not news.
        let default = Keymap::default();
        let in_default = |claim: &Claim, key: &Key| {
            default.bindings.iter().any(|b| {
                b.context == claim.context
                    && b.action == claim.action
                    && b.code == key.code
                    && b.modifiers == key.modifiers
            })
        };
        clashes.retain(|c| !(in_default(&c.kept, &c.key) && in_default(&c.lost, &c.key)));
        (Keymap { bindings }, clashes)
    }
}
