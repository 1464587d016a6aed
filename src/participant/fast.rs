//! The fast path for reading a participant document: serde's derived visitors straight from the
//! text into borrowed strings, with no `Value` tree and no field path built. It accepts only a
//! document the collect-all reader ([`super::read`]) would read with no problem outside its
//! evidence items (every other field known and well typed, within the limits), and gives the
//! same participant: an evidence item that cannot be read typed is read alone by the collect-all
//! reader's item reading, which reports its problem with its path. Anything else (an unknown
//! field, a duplicate key at the top, a bad date of enrolment) returns `None` and the collect-all
//! reader reads the document again, reporting every problem with its path.
//! A property test holds the two readers to the same results.
//!
//! Feature `typed-read`: natively, and in the npm package's planning module; not in the main
//! WebAssembly module, where the derives cost 31 KB gzip.

use super::*;
use crate::limits::{MAX_EVIDENCE, MAX_JSON_DEPTH, id_too_long};
use serde::Deserialize;
use std::borrow::Cow;

type Text<'a> = Cow<'a, str>;

/// The document, with its evidence items read as `E`: typed at first, raw text when an item
/// cannot be read so (see [`read`]).
#[derive(Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "E: Deserialize<'de>"))]
struct Doc<'a, E> {
    // (Not `Option`'s own reading, which takes `null` as absent: the other reader refuses a
    // `null` format.)
    #[serde(borrow, default, deserialize_with = "present")]
    format: Option<Text<'a>>,
    #[serde(borrow)]
    id: Text<'a>,
    #[serde(borrow, default)]
    name: Option<Text<'a>>,
    #[serde(borrow)]
    organization: Text<'a>,
    #[serde(borrow)]
    level: Text<'a>,
    #[serde(borrow)]
    enrolled: Text<'a>,
    #[serde(borrow, default)]
    coach: Option<PersonDoc<'a>>,
    #[serde(borrow, default)]
    mentor: Option<PersonDoc<'a>>,
    #[serde(borrow, default)]
    agents: Option<Vec<AgentDoc<'a>>>,
    #[serde(borrow, default)]
    development: Option<DevelopmentDoc<'a>>,
    #[serde(default = "Vec::new")]
    evidence: Vec<E>,
    #[cfg(feature = "planning")]
    #[serde(default)]
    planned: Option<Vec<Planned>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonDoc<'a> {
    #[serde(borrow)]
    id: Text<'a>,
    #[serde(borrow, default)]
    name: Option<Text<'a>>,
    #[serde(borrow)]
    organization: Text<'a>,
    #[serde(borrow, default)]
    appointed_by: Option<Text<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgentDoc<'a> {
    #[serde(rename = "objectType", borrow, default)]
    _object_type: Option<Text<'a>>,
    #[serde(rename = "name", borrow, default)]
    _name: Option<Text<'a>>,
    #[serde(borrow, default)]
    mbox: Option<Text<'a>>,
    #[serde(borrow, default)]
    mbox_sha1sum: Option<Text<'a>>,
    #[serde(borrow, default)]
    openid: Option<Text<'a>>,
    #[serde(borrow, default)]
    account: Option<AccountDoc<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountDoc<'a> {
    #[serde(rename = "homePage", borrow)]
    home_page: Text<'a>,
    #[serde(borrow)]
    name: Text<'a>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DevelopmentDoc<'a> {
    #[serde(borrow)]
    competencies: Vec<Text<'a>>,
    #[serde(borrow, default)]
    agreed_by: Option<Text<'a>>,
    #[serde(borrow, default)]
    agreed_on: Option<Text<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceDoc<'a> {
    #[serde(borrow)]
    id: Text<'a>,
    #[serde(borrow)]
    kind: Text<'a>,
    #[serde(borrow)]
    date: Text<'a>,
    #[serde(borrow, default)]
    submitted: Option<Text<'a>>,
    status: ReviewState,
    #[serde(borrow, default)]
    assessed_by: Option<AssessorDoc<'a>>,
    #[serde(borrow, default)]
    item: Option<Text<'a>>,
    #[serde(default)]
    grade: Option<f64>,
    #[serde(borrow, default)]
    claims: Vec<ClaimDoc<'a>>,
    #[serde(borrow, default)]
    topic: Option<Text<'a>>,
    #[serde(borrow, default)]
    note: Option<Text<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssessorDoc<'a> {
    #[serde(borrow)]
    role: Text<'a>,
    #[serde(borrow, default)]
    id: Option<Text<'a>>,
    #[serde(borrow, default)]
    name: Option<Text<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimDoc<'a> {
    #[serde(borrow)]
    competency: Text<'a>,
    #[serde(borrow)]
    level: Text<'a>,
}

/// A text that is present (not `null`).
fn present<'de: 'a, 'a, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Text<'a>>, D::Error> {
    <Text<'a> as Deserialize>::deserialize(d).map(Some)
}

fn owned(text: Option<Text<'_>>) -> Option<String> {
    text.map(Cow::into_owned)
}

fn date(text: &str) -> Option<Date> {
    text.parse().ok()
}

fn opt_date(text: Option<Text<'_>>) -> Option<Option<Date>> {
    match text {
        None => Some(None),
        Some(t) => date(&t).map(Some),
    }
}

fn person(doc: Option<PersonDoc<'_>>) -> Option<Person> {
    doc.map(|p| Person {
        id: p.id.into_owned(),
        name: owned(p.name),
        organization: p.organization.into_owned(),
        appointed_by: owned(p.appointed_by),
    })
}

fn agent(doc: AgentDoc<'_>) -> Option<Agent> {
    let agent = Agent {
        mbox: owned(doc.mbox),
        mbox_sha1sum: owned(doc.mbox_sha1sum),
        openid: owned(doc.openid),
        account: doc.account.map(|a| Account {
            home_page: a.home_page.into_owned(),
            name: a.name.into_owned(),
        }),
    };
    let count = usize::from(agent.mbox.is_some())
        + usize::from(agent.mbox_sha1sum.is_some())
        + usize::from(agent.openid.is_some())
        + usize::from(agent.account.is_some());
    (count == 1).then_some(agent)
}

fn evidence(doc: EvidenceDoc<'_>) -> Option<Evidence> {
    if id_too_long(&doc.id) {
        return None;
    }
    Some(Evidence {
        date: date(&doc.date)?,
        submitted: opt_date(doc.submitted)?,
        id: doc.id.into_owned(),
        kind: doc.kind.into_owned(),
        status: doc.status,
        assessed_by: doc.assessed_by.map(|a| Assessor {
            role: a.role.into_owned(),
            id: owned(a.id),
            name: owned(a.name),
        }),
        item: owned(doc.item),
        grade: doc.grade,
        claims: doc
            .claims
            .into_iter()
            .map(|c| Claim {
                competency: c.competency.into_owned(),
                level: c.level.into_owned(),
            })
            .collect(),
        topic: owned(doc.topic),
        note: owned(doc.note),
        unknown_fields: Vec::new(),
    })
}

/// The participant in `text`, when the collect-all reader would read it without a problem outside
/// its evidence items; `None` sends it to the collect-all reader.
///
/// Items are read typed. When one cannot be (a bad date, an unknown field, a wrong type), the
/// document is read again with its items as raw text: each item is read typed again, and the
/// ones that fail go through the collect-all reader's own item reading, which reports the
/// problem with its path, as it would have in the whole document. (Evidence problems are common
/// in real exports; re-reading the whole document through a `Value` tree for one of them cost
/// three times the typed read.)
pub(super) fn read(text: &str) -> Option<Participant> {
    if let Ok(doc) = serde_json::from_str::<Doc<'_, EvidenceDoc<'_>>>(text) {
        let (head, items) = split(doc);
        let evidence: Option<Vec<_>> = items
            .into_iter()
            .map(|item| self::evidence(item).map(EvidenceEntry::Item))
            .collect();
        if let Some(evidence) = evidence {
            return participant(head, evidence);
        }
    }
    let doc: Doc<'_, &serde_json::value::RawValue> = serde_json::from_str(text).ok()?;
    let (head, items) = split(doc);
    if items.len() > MAX_EVIDENCE {
        return None;
    }
    let mut evidence = Vec::with_capacity(items.len());
    for (index, raw) in items.into_iter().enumerate() {
        let typed = serde_json::from_str::<EvidenceDoc<'_>>(raw.get())
            .ok()
            .and_then(self::evidence);
        evidence.push(match typed {
            Some(item) => EvidenceEntry::Item(item),
            None => {
                // (Left to the collect-all reader when it may be too deep: it says so.)
                if crate::limits::json_too_deep(raw.get(), MAX_JSON_DEPTH - 2).is_some() {
                    return None;
                }
                super::read::read_evidence(index, serde_json::from_str(raw.get()).ok()?)
            }
        });
    }
    participant(head, evidence)
}

/// A document's evidence items apart from the rest of it.
fn split<E>(mut doc: Doc<'_, E>) -> (Doc<'_, ()>, Vec<E>) {
    let items = std::mem::take(&mut doc.evidence);
    let head = Doc {
        format: doc.format,
        id: doc.id,
        name: doc.name,
        organization: doc.organization,
        level: doc.level,
        enrolled: doc.enrolled,
        coach: doc.coach,
        mentor: doc.mentor,
        agents: doc.agents,
        development: doc.development,
        evidence: Vec::new(),
        #[cfg(feature = "planning")]
        planned: doc.planned,
    };
    (head, items)
}

/// The participant of a document read up to its evidence, when the rest of it is readable.
fn participant(doc: Doc<'_, ()>, evidence: Vec<EvidenceEntry>) -> Option<Participant> {
    if doc
        .format
        .as_deref()
        .is_some_and(|f| f != PARTICIPANT_FORMAT)
        || id_too_long(&doc.id)
        || evidence.len() > MAX_EVIDENCE
    {
        return None;
    }
    let development = match doc.development {
        None => None,
        Some(d) => Some(Development {
            competencies: d.competencies.into_iter().map(Cow::into_owned).collect(),
            agreed_by: owned(d.agreed_by),
            agreed_on: opt_date(d.agreed_on)?,
        }),
    };
    let agents = match doc.agents {
        None => Vec::new(),
        Some(list) => list.into_iter().map(agent).collect::<Option<_>>()?,
    };
    #[cfg(feature = "planning")]
    let planned = doc.planned.unwrap_or_default();
    #[cfg(feature = "planning")]
    if planned.len() > MAX_EVIDENCE
        || planned.iter().any(|p| {
            evidence.iter().any(|e| match e {
                EvidenceEntry::Item(ev) => ev.id == p.id,
                EvidenceEntry::Malformed(m) => m.id.as_deref() == Some(p.id.as_str()),
            })
        })
    {
        return None;
    }
    Some(Participant {
        enrolled: date(&doc.enrolled)?,
        id: doc.id.into_owned(),
        name: owned(doc.name),
        organization: doc.organization.into_owned(),
        level: doc.level.into_owned(),
        coach: person(doc.coach),
        mentor: person(doc.mentor),
        agents,
        development,
        evidence,
        #[cfg(feature = "planning")]
        planned,
        #[cfg(not(feature = "planning"))]
        planned: Vec::new(),
        #[cfg(not(feature = "planning"))]
        unread_plans: false,
        unknown_fields: Vec::new(),
        set_aside: Vec::new(),
    })
}
