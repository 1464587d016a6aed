//! Turning checked statements into evidence items: repeats, voiding, whose statement it is, what
//! the verb and result say, and which catalogue item the activity is.

use super::statement::{self, Actor, Ifi, Object, Statement};
use crate::messages::Message;
use crate::pack::Pack;
use crate::pack::document::AssessorRole;
use crate::participant::{
    Agent, Assessor, Evidence, EvidenceEntry, Participant, ReviewState, SetAside,
};
use sha1::{Digest, Sha1};
use std::collections::{BTreeMap, BTreeSet};

/// xAPI's verbs that record a completion, a pass, a failure or a waiver (ADL and cmi5).
const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
const PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
const FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
const MASTERED: &str = "http://adlnet.gov/expapi/verbs/mastered";
const SATISFIED: &str = "https://w3id.org/xapi/adl/verbs/satisfied";
const WAIVED: &str = "https://w3id.org/xapi/adl/verbs/waived";

/// A statement that passed its checks, with where it came from.
pub(super) struct Entry {
    pub at: String,
    pub statement: Statement,
}

impl Entry {
    /// The id the report uses for it: `xapi:` and the statement id.
    fn evidence_id(&self) -> Option<String> {
        self.statement.id.as_ref().map(|id| format!("xapi:{id}"))
    }

    /// How another statement names this one: its id, else where it is.
    fn name(&self) -> String {
        self.statement.id.clone().unwrap_or_else(|| self.at.clone())
    }
}

/// What becomes of each statement.
pub(super) struct Outcome {
    pub evidence: Vec<Evidence>,
    pub set_aside: Vec<SetAside>,
    /// Voiding statements that voided one given here.
    pub voiding: usize,
    /// Evidence from statements without an id, with where each came from.
    pub unnamed: Vec<super::Origin>,
}

impl Outcome {
    fn aside(&mut self, entry: &Entry, code: Message, params: Vec<(&'static str, String)>) {
        let id = entry.evidence_id();
        self.set_aside.push(SetAside {
            at: if id.is_none() {
                Some(entry.at.clone())
            } else {
                None
            },
            id,
            code,
            params,
        });
    }
}

fn sha1_hex(text: &str) -> String {
    Sha1::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The participant's xAPI identities, each looked up in one step: the SHA-1 of each known `mbox`
/// is computed once, not once per statement.
struct KnownAgents<'p> {
    /// Lower-cased `mbox` IRIs (compared without regard to ASCII case).
    mboxes: BTreeSet<String>,
    /// Lower-cased `mbox_sha1sum` values, and the SHA-1 of every known `mbox`.
    sha1s: BTreeSet<String>,
    openids: BTreeSet<&'p str>,
    accounts: BTreeSet<(&'p str, &'p str)>,
}

impl<'p> KnownAgents<'p> {
    fn new(agents: &'p [Agent]) -> Self {
        let mut known = KnownAgents {
            mboxes: BTreeSet::new(),
            sha1s: BTreeSet::new(),
            openids: BTreeSet::new(),
            accounts: BTreeSet::new(),
        };
        for agent in agents {
            if let Some(mbox) = &agent.mbox {
                known.mboxes.insert(mbox.to_ascii_lowercase());
                known.sha1s.insert(sha1_hex(mbox));
            }
            if let Some(sum) = &agent.mbox_sha1sum {
                known.sha1s.insert(sum.to_ascii_lowercase());
            }
            if let Some(openid) = &agent.openid {
                known.openids.insert(openid);
            }
            if let Some(account) = &agent.account {
                known.accounts.insert((&account.home_page, &account.name));
            }
        }
        known
    }

    /// Whether the statement identifier `found` names the participant.
    fn contains(&self, found: &Ifi) -> bool {
        match found {
            Ifi::Mbox(mbox) => self.mboxes.contains(&mbox.to_ascii_lowercase()),
            // (The statement reader lower-cases a statement's `mbox_sha1sum`.)
            Ifi::Sha1(sum) => self.sha1s.contains(sum),
            Ifi::OpenId(openid) => self.openids.contains(openid.as_str()),
            Ifi::Account(home, name) => self.accounts.contains(&(home.as_str(), name.as_str())),
        }
    }
}

/// Drops repeats: the same statement sent again counts once; two different statements under
/// one id are all refused. The outcome does not depend on the order statements come in: of
/// copies that differ only where copies may (`stored`, `authority`...), the one whose canonical
/// JSON sorts first is kept.
fn without_repeats(entries: Vec<Entry>, out: &mut Outcome) -> Vec<Entry> {
    let mut by_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, entry) in entries.iter().enumerate() {
        if let Some(id) = &entry.statement.id {
            by_id.entry(id.clone()).or_default().push(index);
        }
    }
    // Entries set aside for sharing their id: `true` for a repeat, `false` for a conflict.
    let mut repeated: BTreeMap<usize, bool> = BTreeMap::new();
    for group in by_id.values().filter(|g| g.len() > 1) {
        let copies: Vec<&Entry> = group.iter().filter_map(|i| entries.get(*i)).collect();
        let first = copies.first().map(|e| e.statement.comparable());
        let same = copies
            .iter()
            .skip(1)
            .all(|e| Some(e.statement.comparable()) == first);
        if same {
            let keep = group
                .iter()
                .filter_map(|i| entries.get(*i).map(|e| (canonical(&e.statement.raw), *i)))
                .min()
                .map(|(_, i)| i);
            for i in group {
                if Some(*i) != keep {
                    repeated.insert(*i, true);
                }
            }
        } else {
            for i in group {
                repeated.insert(*i, false);
            }
        }
    }
    let mut kept = Vec::with_capacity(entries.len());
    for (index, entry) in entries.into_iter().enumerate() {
        match repeated.get(&index) {
            None => kept.push(entry),
            Some(true) => out.aside(&entry, Message::StatementRepeated, Vec::new()),
            Some(false) => {
                let id = entry.statement.id.clone().unwrap_or_default();
                out.aside(
                    &entry,
                    Message::StatementRefused,
                    super::Refusal::new(
                        format!("another statement has the id {id} and different content"),
                        format!(
                            "une autre déclaration a l'identifiant {id} et un contenu différent"
                        ),
                    )
                    .params(),
                );
            }
        }
    }
    kept
}

/// Applies voiding statements: what they void is set aside, as are voids that void nothing here.
fn without_voided(entries: Vec<Entry>, out: &mut Outcome) -> Vec<Entry> {
    let is_void = |e: &Entry| e.statement.verb == statement::VOIDED;
    let targets: BTreeMap<&str, usize> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| !is_void(e))
        .filter_map(|(i, e)| e.statement.id.as_deref().map(|id| (id, i)))
        .collect();
    let mut voided_by: BTreeMap<usize, String> = BTreeMap::new();
    for entry in entries.iter().filter(|e| is_void(e)) {
        let Object::StatementRef(target) = &entry.statement.object else {
            continue; // the statement check makes a void's object a StatementRef
        };
        match targets.get(target.as_str()) {
            Some(index) => {
                // Of several voids of one statement, the report names the least (by name), so
                // the bytes do not depend on which came first.
                let name = entry.name();
                match voided_by.get_mut(index) {
                    Some(by) if *by <= name => {}
                    Some(by) => *by = name,
                    None => {
                        voided_by.insert(*index, name);
                    }
                }
                out.voiding += 1;
            }
            None => out.aside(
                entry,
                Message::StatementVoidNoEffect,
                vec![("target", target.clone())],
            ),
        }
    }
    let mut kept = Vec::with_capacity(entries.len());
    for (index, entry) in entries.into_iter().enumerate() {
        if let Some(by) = voided_by.get(&index) {
            out.aside(&entry, Message::StatementVoided, vec![("by", by.clone())]);
        } else if !is_void(&entry) {
            kept.push(entry);
        }
    }
    kept
}

/// Reads the statements of one participant into evidence items and set-aside records.
pub(super) fn intake(pack: &Pack, participant: &Participant, entries: Vec<Entry>) -> Outcome {
    let mut out = Outcome {
        evidence: Vec::new(),
        set_aside: Vec::new(),
        voiding: 0,
        unnamed: Vec::new(),
    };
    let entries = without_repeats(entries, &mut out);
    let entries = without_voided(entries, &mut out);
    let doc = pack.document();
    let mut activities: BTreeMap<&str, usize> = BTreeMap::new();
    for (index, item) in doc.catalogue.iter().enumerate() {
        for activity in &item.activities {
            activities.insert(activity, index);
        }
    }
    let settings = doc.xapi.as_ref();
    let role = settings.map_or(AssessorRole::Provider, |x| x.assessor);
    let known = KnownAgents::new(&participant.agents);
    for entry in entries {
        let st = &entry.statement;
        let ours = match &st.actor {
            Actor::Agent(ifi) => known.contains(ifi),
            Actor::Group(_) => false,
        };
        if !ours {
            // Someone else's identity is not written in this participant's report: only a SHA-1
            // of it, as xAPI's own mbox_sha1sum does, for the LMS to look up.
            let hashed = |ifi: &Ifi| -> (String, String) {
                match ifi {
                    Ifi::Mbox(m) => {
                        let h = format!("mbox_sha1sum {}", sha1_hex(m));
                        (h.clone(), h)
                    }
                    Ifi::Sha1(h) => (format!("mbox_sha1sum {h}"), format!("mbox_sha1sum {h}")),
                    Ifi::OpenId(o) => {
                        let h = sha1_hex(o);
                        (
                            format!("an openid (SHA-1 {h})"),
                            format!("un openid (SHA-1 {h})"),
                        )
                    }
                    Ifi::Account(home, name) => {
                        let h = sha1_hex(name);
                        (
                            format!("an account at {home} (name SHA-1 {h})"),
                            format!("un compte sur {home} (nom SHA-1 {h})"),
                        )
                    }
                }
            };
            let (en, fr) = match &st.actor {
                Actor::Agent(ifi) => hashed(ifi),
                Actor::Group(Some(ifi)) => {
                    let (en, fr) = hashed(ifi);
                    (format!("the group {en}"), format!("le groupe {fr}"))
                }
                Actor::Group(None) => (
                    "an anonymous group".to_owned(),
                    "un groupe anonyme".to_owned(),
                ),
            };
            out.aside(
                &entry,
                Message::StatementOtherActor,
                vec![("actor", en), ("actor@fr", fr)],
            );
            continue;
        }
        let verb = st.verb.as_str();
        // The verb's last path segment (`completed`), for messages and notes.
        let verb_word = verb.rsplit('/').next().unwrap_or(verb);
        if ![COMPLETED, PASSED, FAILED, MASTERED, SATISFIED, WAIVED].contains(&verb) {
            out.aside(
                &entry,
                Message::StatementNotEvidence,
                vec![("verb", verb.to_owned())],
            );
            continue;
        }
        let activity = match &st.object {
            Object::Activity(id) => id,
            Object::StatementRef(_) => {
                out.aside(
                    &entry,
                    Message::StatementNotActivity,
                    vec![("object_type", "StatementRef".into())],
                );
                continue;
            }
            Object::Other(kind) => {
                out.aside(
                    &entry,
                    Message::StatementNotActivity,
                    vec![("object_type", (*kind).to_owned())],
                );
                continue;
            }
        };
        let Some(item) = activities
            .get(activity.as_str())
            .and_then(|i| doc.catalogue.get(*i))
        else {
            out.aside(
                &entry,
                Message::StatementUnmappedActivity,
                vec![("activity", activity.clone())],
            );
            continue;
        };
        let contradiction = match verb {
            COMPLETED if st.completion == Some(false) => Some(("result.completion", "false")),
            PASSED | MASTERED | WAIVED if st.success == Some(false) => {
                Some(("result.success", "false"))
            }
            FAILED if st.success == Some(true) => Some(("result.success", "true")),
            _ => None,
        };
        if let Some((field, value)) = contradiction {
            out.aside(
                &entry,
                Message::StatementRefused,
                super::Refusal::new(
                    format!("the verb says {verb_word} but {field} is {value}"),
                    format!("le verbe dit {verb_word}, mais {field} vaut {value}"),
                )
                .params(),
            );
            continue;
        }
        let Some(date) = st.timestamp.or(st.stored) else {
            out.aside(
                &entry,
                Message::StatementRefused,
                super::Refusal::new(
                    "it has neither timestamp nor stored, so it cannot be dated",
                    "elle n'a ni timestamp ni stored et ne peut donc pas être datée",
                )
                .params(),
            );
            continue;
        };
        // A completion the statement itself calls unsuccessful is a failure too.
        if verb == FAILED || st.success == Some(false) {
            out.aside(
                &entry,
                Message::StatementFailed,
                vec![("item", item.id.clone())],
            );
            continue;
        }
        let kind = if verb == WAIVED {
            let Some(kind) = doc.equivalency.waiver_kind.clone() else {
                let reason = st.reason.clone().unwrap_or_else(|| "-".into());
                out.aside(
                    &entry,
                    Message::StatementWaiverNotAccepted,
                    vec![("item", item.id.clone()), ("reason", reason)],
                );
                continue;
            };
            kind
        } else {
            item.kind.clone()
        };
        let mut note = format!("xAPI: {verb_word} {activity}");
        if let Some(reason) = &st.reason {
            note.push_str(&format!(" (reason: {reason})"));
        }
        // A statement without an id is named by its fingerprint (the same in any order); where
        // it came from (file and position) goes with it.
        if st.id.is_none() {
            note.push_str(&format!(" [{}]", entry.at));
        }
        let id = entry
            .evidence_id()
            .unwrap_or_else(|| format!("xapi:{}", fingerprint(&st.comparable())));
        if st.id.is_none() {
            out.unnamed.push(super::Origin {
                evidence: id.clone(),
                at: entry.at.clone(),
            });
        }
        let (authority, authority_name) = st.authority.clone().unzip();
        let evidence = Evidence {
            id,
            kind,
            date,
            submitted: st.stored,
            status: ReviewState::Approved,
            assessed_by: Some(Assessor {
                role: role.id().to_owned(),
                id: authority,
                name: authority_name.flatten(),
            }),
            item: Some(item.id.clone()),
            grade: st.grade,
            claims: Vec::new(),
            topic: None,
            note: Some(note),
            unknown_fields: Vec::new(),
        };
        out.evidence.push(evidence);
    }
    out
}

/// A stable name for a statement without an id: the start of the SHA-256 of its canonical JSON
/// (keys sorted), so the same statement gets the same evidence id in any order.
fn fingerprint(value: &serde_json::Value) -> String {
    use sha2::{Digest as _, Sha256};
    let digest = Sha256::digest(canonical(value).as_bytes());
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

fn canonical(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let fields: Vec<String> = keys
                .into_iter()
                .filter_map(|k| {
                    map.get(k).map(|v| {
                        format!("{}:{}", serde_json::Value::from(k.as_str()), canonical(v))
                    })
                })
                .collect();
            format!("{{{}}}", fields.join(","))
        }
        serde_json::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(canonical).collect();
            format!("[{}]", items.join(","))
        }
        other => other.to_string(),
    }
}

/// Appends the evidence and set-aside records to the participant.
pub(super) fn apply(participant: &mut Participant, outcome: Outcome) {
    participant
        .evidence
        .extend(outcome.evidence.into_iter().map(EvidenceEntry::Item));
    participant.set_aside.extend(outcome.set_aside);
}
