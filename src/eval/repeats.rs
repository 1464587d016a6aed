//! Evidence ids given more than once. An exact repeat (the same item sent twice, a double
//! submission) counts once, with a finding; copies that differ under one id are all refused, since
//! which of them is right cannot be told, and the refusal names the id.

use crate::participant::{Evidence, EvidenceEntry};

/// How one evidence item stands among the items that share its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Repeat {
    /// Its id is given once.
    Once,
    /// The first of several identical copies: it stands for them all.
    FirstOfExact,
    /// A later identical copy: it adds nothing.
    LaterExact,
    /// One of several copies that differ.
    Conflicting,
}

/// The ids given more than once.
pub(super) struct Repeats<'a> {
    /// Ids given more than once with the same content: the id, how many times, and the first copy
    /// in the document (sorted by id).
    pub exact: Vec<(&'a str, usize, &'a Evidence)>,
    /// Ids given more than once with different content (sorted).
    conflicting: Vec<&'a str>,
}

impl<'a> Repeats<'a> {
    /// Finds the repeated ids among `evidence` (malformed entries aside).
    pub fn of(evidence: &'a [EvidenceEntry]) -> Self {
        // Natively, most documents repeat no id, and a set of ids (a fast hash) says so before any
        // item is sorted or compared (measured: 5% of an evaluation for 80 items). (Not in the
        // WebAssembly module, where another sort instantiation costs more than it saves.)
        #[cfg(not(target_arch = "wasm32"))]
        {
            let mut ids = rustc_hash::FxHashSet::default();
            ids.reserve(evidence.len());
            let repeated = evidence.iter().any(|entry| match entry {
                EvidenceEntry::Item(ev) => !ids.insert(ev.id.as_str()),
                EvidenceEntry::Malformed(_) => false,
            });
            if !repeated {
                return Self {
                    exact: Vec::new(),
                    conflicting: Vec::new(),
                };
            }
        }
        let mut items: Vec<&'a Evidence> = evidence
            .iter()
            .filter_map(|entry| match entry {
                EvidenceEntry::Item(ev) => Some(ev),
                EvidenceEntry::Malformed(_) => None,
            })
            .collect();
        // Stable: within an id, the copies keep the document's order.
        crate::sorting::sort_by(&mut items, |a, b| a.id.cmp(&b.id));
        let mut exact = Vec::new();
        let mut conflicting = Vec::new();
        let mut rest = items.as_slice();
        while let Some((first, _)) = rest.split_first() {
            let copies = rest.iter().take_while(|e| e.id == first.id).count();
            let Some((group, after)) = rest.split_at_checked(copies) else {
                break;
            };
            if copies > 1 {
                if group.iter().all(|e| *e == *first) {
                    exact.push((first.id.as_str(), copies, *first));
                } else {
                    conflicting.push(first.id.as_str());
                }
            }
            rest = after;
        }
        Self { exact, conflicting }
    }

    /// How `ev` (an item of the evidence these repeats were found in) stands.
    pub fn of_item(&self, ev: &Evidence) -> Repeat {
        let id = ev.id.as_str();
        if let Ok(found) = self.exact.binary_search_by(|(other, ..)| (*other).cmp(id)) {
            return match self.exact.get(found) {
                Some((_, _, first)) if std::ptr::eq(*first, ev) => Repeat::FirstOfExact,
                _ => Repeat::LaterExact,
            };
        }
        if self.conflicting.binary_search(&id).is_ok() {
            Repeat::Conflicting
        } else {
            Repeat::Once
        }
    }
}
