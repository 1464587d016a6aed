//! Turning checked statements into evidence items: repeats, voiding, whose statement it is, what
//! the verb and result say, and which catalogue item the activity is.

use super::statement::{self, Actor, Ifi, Object, Statement};
use crate::pack::Pack;
use crate::pack::format::AssessorRole;
use crate::participant::{
    Agent, Assessor, Evidence, EvidenceEntry, Participant, ReviewState, SetAside,
};
use sha1::{Digest, Sha1};
use std::collections::BTreeMap;

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
}

impl Outcome {
    fn aside(&mut self, entry: &Entry, code: &'static str, params: Vec<(&'static str, String)>) {
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

/// Whether the statement identifier `found` names the participant known as `agent`.
fn same_agent(agent: &Agent, found: &Ifi) -> bool {
    match found {
        Ifi::Mbox(mbox) => agent
            .mbox
            .as_ref()
            .is_some_and(|m| m.eq_ignore_ascii_case(mbox)),
        Ifi::Sha1(sum) => {
            agent
                .mbox_sha1sum
                .as_ref()
                .is_some_and(|s| s.eq_ignore_ascii_case(sum))
                || agent.mbox.as_ref().is_some_and(|m| sha1_hex(m) == *sum)
        }
        Ifi::OpenId(openid) => agent.openid.as_deref() == Some(openid.as_str()),
        Ifi::Account(home, name) => agent
            .account
            .as_ref()
            .is_some_and(|a| a.home_page == *home && a.name == *name),
    }
}

/// Drops repeats: the same statement sent again counts once; two different statements under
/// one id are both refused.
fn without_repeats(entries: Vec<Entry>, out: &mut Outcome) -> Vec<Entry> {
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    let mut kept: Vec<Option<Entry>> = Vec::with_capacity(entries.len());
    let mut conflicted: Vec<usize> = Vec::new();
    for entry in entries {
        let Some(id) = entry.statement.id.clone() else {
            kept.push(Some(entry));
            continue;
        };
        match by_id
            .get(&id)
            .and_then(|first| kept.get(*first).map(|e| (*first, e)))
        {
            Some((first, Some(original))) => {
                if original.statement.comparable() == entry.statement.comparable() {
                    out.aside(&entry, "statement_repeated", Vec::new());
                } else {
                    out.aside(
                        &entry,
                        "statement_refused",
                        vec![(
                            "detail",
                            format!("another statement has the id {id} and different content"),
                        )],
                    );
                    conflicted.push(first);
                }
                kept.push(None);
            }
            _ => {
                by_id.insert(id, kept.len());
                kept.push(Some(entry));
            }
        }
    }
    for first in conflicted {
        if let Some(Some(original)) = kept.get_mut(first).map(Option::take) {
            let id = original.statement.id.clone().unwrap_or_default();
            out.aside(
                &original,
                "statement_refused",
                vec![(
                    "detail",
                    format!("another statement has the id {id} and different content"),
                )],
            );
        }
    }
    kept.into_iter().flatten().collect()
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
                voided_by.entry(*index).or_insert_with(|| entry.name());
                out.voiding += 1;
            }
            None => out.aside(
                entry,
                "statement_void_no_effect",
                vec![("target", target.clone())],
            ),
        }
    }
    let mut kept = Vec::with_capacity(entries.len());
    for (index, entry) in entries.into_iter().enumerate() {
        if let Some(by) = voided_by.get(&index) {
            out.aside(&entry, "statement_voided", vec![("by", by.clone())]);
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
    for entry in entries {
        let st = &entry.statement;
        let ours = match &st.actor {
            Actor::Agent(ifi) => participant.agents.iter().any(|a| same_agent(a, ifi)),
            Actor::Group(_) => false,
        };
        if !ours {
            let actor = match &st.actor {
                Actor::Agent(ifi) => ifi.describe(),
                Actor::Group(Some(ifi)) => format!("the group {}", ifi.describe()),
                Actor::Group(None) => "an anonymous group".to_owned(),
            };
            out.aside(&entry, "statement_other_actor", vec![("actor", actor)]);
            continue;
        }
        let verb = st.verb.as_str();
        // The verb's last path segment (`completed`), for messages and notes.
        let verb_word = verb.rsplit('/').next().unwrap_or(verb);
        if ![COMPLETED, PASSED, FAILED, MASTERED, SATISFIED, WAIVED].contains(&verb) {
            out.aside(
                &entry,
                "statement_not_evidence",
                vec![("verb", verb.to_owned())],
            );
            continue;
        }
        let activity = match &st.object {
            Object::Activity(id) => id,
            Object::StatementRef(_) => {
                out.aside(
                    &entry,
                    "statement_not_activity",
                    vec![("object_type", "StatementRef".into())],
                );
                continue;
            }
            Object::Other(kind) => {
                out.aside(
                    &entry,
                    "statement_not_activity",
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
                "statement_unmapped_activity",
                vec![("activity", activity.clone())],
            );
            continue;
        };
        let contradiction = match verb {
            COMPLETED if st.completion == Some(false) => Some("result.completion is false"),
            PASSED | MASTERED | WAIVED if st.success == Some(false) => {
                Some("result.success is false")
            }
            FAILED if st.success == Some(true) => Some("result.success is true"),
            _ => None,
        };
        if let Some(what) = contradiction {
            out.aside(
                &entry,
                "statement_refused",
                vec![("detail", format!("the verb says {verb_word} but {what}"))],
            );
            continue;
        }
        let Some(date) = st.timestamp.or(st.stored) else {
            out.aside(
                &entry,
                "statement_refused",
                vec![(
                    "detail",
                    "it has neither timestamp nor stored, so it cannot be dated".to_owned(),
                )],
            );
            continue;
        };
        // A completion the statement itself calls unsuccessful is a failure too.
        if verb == FAILED || st.success == Some(false) {
            out.aside(&entry, "statement_failed", vec![("item", item.id.clone())]);
            continue;
        }
        let kind = if verb == WAIVED {
            let Some(kind) = doc.equivalency.waiver_kind.clone() else {
                let reason = st.reason.clone().unwrap_or_else(|| "-".into());
                out.aside(
                    &entry,
                    "statement_waiver_not_accepted",
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
        let (authority, authority_name) = st.authority.clone().unzip();
        let evidence = Evidence {
            id: entry
                .evidence_id()
                .unwrap_or_else(|| format!("xapi:{}", fingerprint(&st.comparable()))),
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
