//! Checking one xAPI statement against the specification (xAPI 1.0.3 and 2.0, Data part) and
//! reading what the engine needs from it.
//!
//! The rules are the LRS's: a statement with a null value outside `extensions`, a property the
//! specification does not define, a missing actor, verb or object, an identifier without a scheme,
//! an Agent with no or two identifiers, a string where a number or boolean belongs, a malformed
//! UUID or timestamp, or a score out of its range is refused, with the path to the offending field.
//! Activity definitions, verb displays and extensions are not looked into beyond their type.

use super::Refusal;
use crate::date::Date;
use crate::json_reader::{self as json, Problem, Wording, child};
use crate::pack::is_absolute_iri;
use crate::participant::{ACCOUNT_FIELDS, AGENT_FIELDS};
use serde_json::{Map, Value};

/// The verb that voids a statement.
pub(crate) const VOIDED: &str = "http://adlnet.gov/expapi/verbs/voided";
/// The cmi5 result extension carrying a waiver's reason.
pub(crate) const CMI5_REASON: &str = "https://w3id.org/xapi/cmi5/result/extensions/reason";

const STATEMENT_KEYS: &[&str] = &[
    "id",
    "actor",
    "verb",
    "object",
    "result",
    "context",
    "timestamp",
    "stored",
    "authority",
    "version",
    "attachments",
];
const SUB_STATEMENT_KEYS: &[&str] = &[
    "objectType",
    "actor",
    "verb",
    "object",
    "result",
    "context",
    "timestamp",
    "attachments",
];
const GROUP_KEYS: &[&str] = &[
    "objectType",
    "name",
    "member",
    "mbox",
    "mbox_sha1sum",
    "openid",
    "account",
];
const RESULT_KEYS: &[&str] = &[
    "score",
    "success",
    "completion",
    "response",
    "duration",
    "extensions",
];
const CONTEXT_KEYS: &[&str] = &[
    "registration",
    "instructor",
    "team",
    "contextActivities",
    "contextAgents",
    "contextGroups",
    "revision",
    "platform",
    "language",
    "statement",
    "extensions",
];
const ATTACHMENT_KEYS: &[&str] = &[
    "usageType",
    "display",
    "description",
    "contentType",
    "length",
    "sha2",
    "fileUrl",
];

/// An inverse functional identifier: how xAPI says who someone is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Ifi {
    /// `mailto:` address.
    Mbox(String),
    /// SHA-1 (hex, lower case) of a `mailto:` address.
    Sha1(String),
    /// OpenID URI.
    OpenId(String),
    /// An account: home page and name.
    Account(String, String),
}

impl Ifi {
    /// The identifier as words, for messages.
    pub(crate) fn describe(&self) -> String {
        match self {
            Ifi::Mbox(m) => m.clone(),
            Ifi::Sha1(h) => format!("mbox_sha1sum {h}"),
            Ifi::OpenId(o) => o.clone(),
            Ifi::Account(home, name) => format!("account {name} at {home}"),
        }
    }
}

/// Who a statement is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Actor {
    /// One person (or system).
    Agent(Ifi),
    /// A group, identified or not.
    Group(Option<Ifi>),
}

/// What a statement is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Object {
    /// An activity, by id.
    Activity(String),
    /// Another statement, by id.
    StatementRef(String),
    /// An agent, group or sub-statement: never evidence.
    Other(&'static str),
}

/// What the engine reads from a valid statement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Statement {
    pub id: Option<String>,
    pub actor: Actor,
    pub verb: String,
    pub object: Object,
    pub success: Option<bool>,
    pub completion: Option<bool>,
    /// The score as a grade from 0 to 100 (scaled score × 100, or raw within min..max).
    pub grade: Option<f64>,
    /// The cmi5 waiver reason.
    pub reason: Option<String>,
    /// The date of `timestamp`, in its own time zone.
    pub timestamp: Option<Date>,
    /// The date of `stored`.
    pub stored: Option<Date>,
    /// Who asserts it (`authority`), as words.
    pub authority: Option<(String, Option<String>)>,
    /// The statement as received.
    pub raw: Value,
}

impl Statement {
    /// The statement without the properties that may differ between two copies of one statement
    /// (`id`, `stored`, `authority`, `version`, `attachments`, verb display, activity definition),
    /// and with its timestamp as an instant. (Made only when needed: it copies the statement.)
    pub(crate) fn comparable(&self) -> Value {
        match &self.raw {
            Value::Object(map) => comparable(map),
            other => other.clone(),
        }
    }
}

type Check<T> = Result<T, Refusal>;

/// Statements are read by the shared JSON reader, stopping at the first problem, in the
/// specification's words ("must be a string", "is missing").
const W: Wording = Wording::Strict;

/// A refusal at `path`, in English and French.
fn fail<T>(path: &str, en: impl Into<String>, fr: impl Into<String>) -> Check<T> {
    Err(Refusal::at(path, &en.into(), &fr.into()))
}

/// A reader's problem as a refusal at its path.
fn checked<T>(read: Result<T, Problem>) -> Check<T> {
    read.map_err(|problem| {
        let fr = match problem.wrong {
            json::Wrong::Type { expected, .. } => format!("doit être {}", type_fr(expected)),
            json::Wrong::Missing => "est absent".to_owned(),
            // (The strict reader gives only the two above.)
            _ => problem.message.clone(),
        };
        Refusal::at(&problem.path, &problem.message, &fr)
    })
}

/// What a value of `expected` is, in French ("must be a string": « doit être une chaîne »).
fn type_fr(expected: json::Type) -> &'static str {
    match expected {
        json::Type::String => "une chaîne de caractères",
        json::Type::Number => "un nombre",
        json::Type::WholeNumber => "un nombre entier de 0 à 4294967295",
        json::Type::Boolean => "true ou false",
        json::Type::List => "une liste",
        json::Type::Object => "un objet",
        json::Type::TextTable => "une table de textes",
        json::Type::Null => "null",
    }
}

/// `text` between French quotation marks.
fn q(text: &str) -> String {
    format!("«\u{a0}{text}\u{a0}»")
}

fn object<'v>(value: &'v Value, path: &str) -> Check<&'v Map<String, Value>> {
    checked(json::object(W, value, path))
}

fn only(map: &Map<String, Value>, path: &str, allowed: &[&str]) -> Check<()> {
    match json::unknown_keys(map, allowed).next() {
        Some(key) => fail(
            &child(path, key),
            "is not a property the xAPI specification defines here",
            "n'est pas une propriété que la spécification xAPI définit à cet endroit",
        ),
        None => Ok(()),
    }
}

// (Nulls are refused before any field is read, so `opt`'s "null is absent" never applies here.)
fn string<'v>(map: &'v Map<String, Value>, path: &str, key: &str) -> Check<Option<&'v str>> {
    checked(json::opt(W, map, path, key, json::str))
}

fn iri<'v>(map: &'v Map<String, Value>, path: &str, key: &str) -> Check<Option<&'v str>> {
    let found = string(map, path, key)?;
    if let Some(text) = found
        && !is_absolute_iri(text)
    {
        return fail(
            &child(path, key),
            format!("`{text}` is not an IRI with a scheme"),
            format!("{} n'est pas un IRI avec un schéma", q(text)),
        );
    }
    Ok(found)
}

fn boolean(map: &Map<String, Value>, path: &str, key: &str) -> Check<Option<bool>> {
    checked(json::opt(W, map, path, key, json::bool))
}

fn number(map: &Map<String, Value>, path: &str, key: &str) -> Check<Option<f64>> {
    checked(json::opt(W, map, path, key, json::f64))
}

/// A UUID in its standard string form (8-4-4-4-12 hexadecimal digits).
pub(crate) fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
}

fn uuid<'v>(map: &'v Map<String, Value>, path: &str, key: &str) -> Check<Option<&'v str>> {
    let found = string(map, path, key)?;
    if let Some(text) = found
        && !is_uuid(text)
    {
        return fail(
            &child(path, key),
            format!("`{text}` is not a UUID"),
            format!("{} n'est pas un UUID", q(text)),
        );
    }
    Ok(found)
}

/// The calendar date of an ISO 8601 timestamp, in the timestamp's own time zone (none: UTC).
fn timestamp(map: &Map<String, Value>, path: &str, key: &str) -> Check<Option<Date>> {
    let Some(text) = string(map, path, key)? else {
        return Ok(None);
    };
    let zoned = chrono::DateTime::parse_from_rfc3339(text).map(|t| t.date_naive());
    let naive =
        || chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f").map(|t| t.date());
    match zoned.or_else(|_| naive()).ok().and_then(|d| {
        use chrono::Datelike;
        Date::from_ymd(d.year(), d.month(), d.day())
    }) {
        Some(date) => Ok(Some(date)),
        None => fail(
            &child(path, key),
            format!("`{text}` is not an ISO 8601 timestamp"),
            format!("{} n'est pas un horodatage ISO 8601", q(text)),
        ),
    }
}

/// No `null` anywhere, except inside `extensions`.
fn no_nulls(value: &Value) -> Check<()> {
    /// The path of the first null, from the null up (made only when there is one).
    fn find(value: &Value) -> Option<Vec<String>> {
        match value {
            Value::Null => Some(Vec::new()),
            Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| {
                find(v).map(|mut p| {
                    p.push(format!("[{i}]"));
                    p
                })
            }),
            Value::Object(map) => map
                .iter()
                .filter(|(k, _)| k.as_str() != "extensions")
                .find_map(|(k, v)| {
                    find(v).map(|mut p| {
                        p.push(k.clone());
                        p
                    })
                }),
            _ => None,
        }
    }
    match find(value) {
        None => Ok(()),
        Some(segments) => fail(
            &super::strict_json::path_of("", &segments),
            "is null (xAPI allows null only inside extensions)",
            "est null (xAPI n'accepte null que dans les extensions)",
        ),
    }
}

/// A language tag as RFC 5646 (BCP 47) writes it: `en`, `fr-CA`, `zh-Hant-TW` (not `en_US`,
/// `en-` or `123`). One check for every place xAPI takes a tag.
fn language_tag(tag: &str, path: &str) -> Check<()> {
    if oxilangtag::LanguageTag::parse(tag).is_ok() {
        Ok(())
    } else {
        fail(
            path,
            format!("`{tag}` is not a BCP 47 language tag"),
            format!("{} n'est pas une étiquette de langue BCP 47", q(tag)),
        )
    }
}

fn language_map(map: &Map<String, Value>, path: &str, key: &str) -> Check<()> {
    if let Some(value) = map.get(key) {
        let path = child(path, key);
        for (lang, text) in object(value, &path)? {
            let path = child(&path, lang);
            language_tag(lang, &path)?;
            checked(json::str(W, text, &path))?;
        }
    }
    Ok(())
}

/// Keys of an `extensions` object are IRIs.
fn extensions(map: &Map<String, Value>, path: &str) -> Check<()> {
    if let Some(ext) = map.get("extensions") {
        let path = child(path, "extensions");
        if let Some(key) = object(ext, &path)?.keys().find(|k| !is_absolute_iri(k)) {
            return fail(
                &path,
                format!("`{key}` is not an IRI with a scheme"),
                format!("{} n'est pas un IRI avec un schéma", q(key)),
            );
        }
    }
    Ok(())
}

/// Whether `text` is a duration as xAPI takes it: ISO 8601's format with designators
/// (`PT1H30M`, `P1Y2M10DT2H30M`, `P3W`, `PT4.5S`), with at least one component, a `T` only before
/// a time component, a fraction only on the last component, and not the alternative format
/// (`P0000-00-00T01:00:00`), which xAPI forbids.
pub(crate) fn is_duration(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('P') else {
        return false;
    };
    if let Some(weeks) = rest.strip_suffix('W') {
        return duration_number(weeks).is_some();
    }
    let (date, time) = match rest.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (rest, None),
    };
    let mut fraction = false;
    let Some(in_date) = duration_components(date, "YMD", &mut fraction) else {
        return false;
    };
    // (A fraction in the date part leaves no component for the time part: see below.)
    let in_time = match time {
        None => 0,
        Some(time) => match duration_components(time, "HMS", &mut fraction) {
            Some(0) | None => return false,
            Some(n) => n,
        },
    };
    in_date + in_time > 0
}

/// How many components `text` has (each a number and one of `designators`, in their order), or
/// `None` when it is not that. `fraction` says a component had a fraction (which must be the last).
fn duration_components(text: &str, designators: &str, fraction: &mut bool) -> Option<usize> {
    let mut count = 0;
    let mut rest = text;
    let mut order = designators;
    while !rest.is_empty() {
        if *fraction {
            return None;
        }
        let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))?;
        let number = rest.get(..end)?;
        let designator = rest.get(end..)?.chars().next()?;
        let at = order.find(designator)?;
        order = order.get(at + 1..)?;
        *fraction = duration_number(number)?;
        rest = rest.get(end + 1..)?;
        count += 1;
    }
    Some(count)
}

/// Digits with an optional fraction (`3`, `4.5`, `4,5`): `Some(has a fraction)`.
fn duration_number(text: &str) -> Option<bool> {
    let (whole, fraction) = match text.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    match fraction {
        _ if !digits(whole) => None,
        None => Some(false),
        Some(f) if digits(f) => Some(true),
        Some(_) => None,
    }
}

/// The interaction types of xAPI's activity definitions.
const INTERACTION_TYPES: &[&str] = &[
    "true-false",
    "choice",
    "fill-in",
    "long-fill-in",
    "matching",
    "performance",
    "sequencing",
    "likert",
    "numeric",
    "other",
];
const DEFINITION_KEYS: &[&str] = &[
    "name",
    "description",
    "type",
    "moreInfo",
    "interactionType",
    "correctResponsesPattern",
    "choices",
    "scale",
    "source",
    "target",
    "steps",
    "extensions",
];

/// An activity definition: language maps, IRIs, the interaction type and its components (each
/// list's ids distinct).
fn definition(value: &Value, path: &str) -> Check<()> {
    let map = object(value, path)?;
    only(map, path, DEFINITION_KEYS)?;
    language_map(map, path, "name")?;
    language_map(map, path, "description")?;
    iri(map, path, "type")?;
    iri(map, path, "moreInfo")?;
    if let Some(kind) = string(map, path, "interactionType")?
        && !INTERACTION_TYPES.contains(&kind)
    {
        return fail(
            &child(path, "interactionType"),
            format!(
                "`{kind}` is not an interaction type ({})",
                INTERACTION_TYPES.join(", ")
            ),
            format!(
                "{} n'est pas un type d'interaction ({})",
                q(kind),
                INTERACTION_TYPES.join(", ")
            ),
        );
    }
    if let Some(patterns) = map.get("correctResponsesPattern") {
        let path = child(path, "correctResponsesPattern");
        for (i, pattern) in checked(json::list(W, patterns, &path))?.iter().enumerate() {
            checked(json::str(W, pattern, &json::item(&path, i)))?;
        }
    }
    for key in ["choices", "scale", "source", "target", "steps"] {
        let Some(list) = map.get(key) else { continue };
        let path = child(path, key);
        let mut ids = std::collections::BTreeSet::new();
        for (i, component) in checked(json::list(W, list, &path))?.iter().enumerate() {
            let path = json::item(&path, i);
            let c = object(component, &path)?;
            only(c, &path, &["id", "description"])?;
            let Some(id) = string(c, &path, "id")? else {
                return fail(&child(&path, "id"), "is missing", "est absent");
            };
            if !ids.insert(id) {
                return fail(
                    &child(&path, "id"),
                    format!("`{id}` is the id of an earlier component in the list"),
                    format!(
                        "{} est déjà l'identifiant d'un composant précédent de la liste",
                        q(id)
                    ),
                );
            }
            language_map(c, &path, "description")?;
        }
    }
    extensions(map, path)
}

/// The one inverse functional identifier of an agent (or identified group), if any.
fn ifi(map: &Map<String, Value>, path: &str) -> Check<Option<Ifi>> {
    let mut found = Vec::new();
    if let Some(mbox) = string(map, path, "mbox")? {
        let address = mbox.strip_prefix("mailto:").unwrap_or_default();
        if !address.contains('@') {
            return fail(
                &child(path, "mbox"),
                format!("`{mbox}` is not a mailto: address"),
                format!("{} n'est pas une adresse mailto:", q(mbox)),
            );
        }
        found.push(Ifi::Mbox(mbox.to_owned()));
    }
    if let Some(sum) = string(map, path, "mbox_sha1sum")? {
        if sum.len() != 40 || !sum.chars().all(|c| c.is_ascii_hexdigit()) {
            return fail(
                &child(path, "mbox_sha1sum"),
                "must be 40 hexadecimal digits",
                "doit compter 40 chiffres hexadécimaux",
            );
        }
        found.push(Ifi::Sha1(sum.to_ascii_lowercase()));
    }
    if let Some(openid) = iri(map, path, "openid")? {
        found.push(Ifi::OpenId(openid.to_owned()));
    }
    if let Some(account) = map.get("account") {
        let path = child(path, "account");
        let a = object(account, &path)?;
        only(a, &path, ACCOUNT_FIELDS)?;
        let home = iri(a, &path, "homePage")?;
        let name = string(a, &path, "name")?;
        match (home, name) {
            (Some(home), Some(name)) => found.push(Ifi::Account(home.to_owned(), name.to_owned())),
            (None, _) => return fail(&child(&path, "homePage"), "is missing", "est absent"),
            (_, None) => return fail(&child(&path, "name"), "is missing", "est absent"),
        }
    }
    if found.len() > 1 {
        return fail(
            path,
            "has more than one identifier (mbox, mbox_sha1sum, openid, account)",
            "a plus d'un identifiant (mbox, mbox_sha1sum, openid, account)",
        );
    }
    Ok(found.pop())
}

fn agent(map: &Map<String, Value>, path: &str) -> Check<Ifi> {
    only(map, path, AGENT_FIELDS)?;
    string(map, path, "name")?;
    ifi(map, path)?.map_or_else(
        || {
            fail(
                path,
                "an Agent needs one of mbox, mbox_sha1sum, openid, account",
                "un Agent doit avoir l'un des identifiants mbox, mbox_sha1sum, openid, account",
            )
        },
        Ok,
    )
}

/// An Agent or Group (an actor, an instructor, an authority, an object).
fn actor(value: &Value, path: &str) -> Check<Actor> {
    let map = object(value, path)?;
    match string(map, path, "objectType")? {
        None | Some("Agent") => agent(map, path).map(Actor::Agent),
        Some("Group") => {
            only(map, path, GROUP_KEYS)?;
            string(map, path, "name")?;
            let id = ifi(map, path)?;
            let members = match map.get("member") {
                None => 0,
                Some(members) => {
                    let mpath = child(path, "member");
                    let members = checked(json::list(W, members, &mpath))?;
                    for (i, m) in members.iter().enumerate() {
                        let mpath = json::item(&mpath, i);
                        let m = object(m, &mpath)?;
                        if string(m, &mpath, "objectType")? == Some("Group") {
                            return fail(
                                &mpath,
                                "a Group's members are Agents",
                                "les membres d'un Group sont des Agents",
                            );
                        }
                        agent(m, &mpath)?;
                    }
                    members.len()
                }
            };
            if id.is_none() && members == 0 {
                return fail(
                    path,
                    "an anonymous Group needs at least one member",
                    "un Group anonyme doit avoir au moins un membre",
                );
            }
            Ok(Actor::Group(id))
        }
        Some(other) => fail(
            &child(path, "objectType"),
            format!("`{other}` is not Agent or Group"),
            format!("{} n'est ni Agent ni Group", q(other)),
        ),
    }
}

fn verb(value: &Value, path: &str) -> Check<String> {
    let map = object(value, path)?;
    only(map, path, &["id", "display"])?;
    language_map(map, path, "display")?;
    match iri(map, path, "id")? {
        Some(id) => Ok(id.to_owned()),
        None => fail(&child(path, "id"), "is missing", "est absent"),
    }
}

fn activity(map: &Map<String, Value>, path: &str) -> Check<String> {
    only(map, path, &["objectType", "id", "definition"])?;
    if let Some(value) = map.get("definition") {
        definition(value, &child(path, "definition"))?;
    }
    match iri(map, path, "id")? {
        Some(id) => Ok(id.to_owned()),
        None => fail(&child(path, "id"), "is missing", "est absent"),
    }
}

fn statement_object(value: &Value, path: &str, sub: bool) -> Check<Object> {
    let map = object(value, path)?;
    match string(map, path, "objectType")? {
        None | Some("Activity") => activity(map, path).map(Object::Activity),
        // (The objectType as xAPI names it: messages show it as it is, in any language.)
        Some("Agent") => actor(value, path).map(|_| Object::Other("Agent")),
        Some("Group") => actor(value, path).map(|_| Object::Other("Group")),
        Some("StatementRef") => {
            only(map, path, &["objectType", "id"])?;
            match uuid(map, path, "id")? {
                Some(id) => Ok(Object::StatementRef(id.to_owned())),
                None => fail(&child(path, "id"), "is missing", "est absent"),
            }
        }
        Some("SubStatement") if !sub => {
            only(map, path, SUB_STATEMENT_KEYS)?;
            body(map, path, true)?;
            Ok(Object::Other("SubStatement"))
        }
        Some("SubStatement") => fail(
            path,
            "a SubStatement cannot contain another SubStatement",
            "un SubStatement ne peut pas en contenir un autre",
        ),
        Some(other) => fail(
            &child(path, "objectType"),
            format!("`{other}` is not Activity, Agent, Group, StatementRef or SubStatement"),
            format!(
                "{} n'est pas Activity, Agent, Group, StatementRef ou SubStatement",
                q(other)
            ),
        ),
    }
}

/// What a statement's `result` says.
#[derive(Default)]
struct Outcome {
    /// `result.success`.
    success: Option<bool>,
    /// `result.completion`.
    completion: Option<bool>,
    /// The score as a grade from 0 to 100.
    grade: Option<f64>,
    /// The cmi5 waiver reason (a result extension).
    reason: Option<String>,
}

fn result(value: &Value, path: &str) -> Check<Outcome> {
    let map = object(value, path)?;
    only(map, path, RESULT_KEYS)?;
    let success = boolean(map, path, "success")?;
    let completion = boolean(map, path, "completion")?;
    string(map, path, "response")?;
    if let Some(duration) = string(map, path, "duration")?
        && !is_duration(duration)
    {
        return fail(
            &child(path, "duration"),
            format!("`{duration}` is not an ISO 8601 duration (such as PT1H30M)"),
            format!(
                "{} n'est pas une durée ISO 8601 (par exemple PT1H30M)",
                q(duration)
            ),
        );
    }
    extensions(map, path)?;
    let reason = map
        .get("extensions")
        .and_then(|ext| ext.get(CMI5_REASON))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let grade = match map.get("score") {
        None => None,
        Some(score) => {
            let path = child(path, "score");
            let s = object(score, &path)?;
            only(s, &path, &["scaled", "raw", "min", "max"])?;
            let scaled = number(s, &path, "scaled")?;
            let raw = number(s, &path, "raw")?;
            let min = number(s, &path, "min")?;
            let max = number(s, &path, "max")?;
            if let Some(x) = scaled
                && !(-1.0..=1.0).contains(&x)
            {
                return fail(
                    &child(&path, "scaled"),
                    format!("{x} is not between -1 and 1"),
                    format!("{x} n'est pas compris entre -1 et 1"),
                );
            }
            if let (Some(lo), Some(hi)) = (min, max)
                && lo >= hi
            {
                return fail(
                    &child(&path, "max"),
                    "must be greater than min",
                    "doit être supérieur à min",
                );
            }
            if let Some(r) = raw
                && (min.is_some_and(|lo| r < lo) || max.is_some_and(|hi| r > hi))
            {
                return fail(
                    &child(&path, "raw"),
                    format!("{r} is outside min..max"),
                    format!("{r} est hors de l'intervalle min..max"),
                );
            }
            let fraction = match (scaled, raw, min, max) {
                (Some(x), _, _, _) => Some(x),
                (None, Some(r), Some(lo), Some(hi)) => Some((r - lo) / (hi - lo)),
                _ => None,
            };
            // A grade from 0 to 100, to four decimals (so 0.695 reads as 69.5, not 69.4999...).
            fraction.map(|f| (f.max(0.0) * 1_000_000.0).round() / 10_000.0)
        }
    };
    Ok(Outcome {
        success,
        completion,
        grade,
        reason,
    })
}

/// A statement's context; `of_activity` says whether the statement's object is an Activity (which
/// `revision` and `platform` need).
fn context(value: &Value, path: &str, of_activity: bool) -> Check<()> {
    let map = object(value, path)?;
    only(map, path, CONTEXT_KEYS)?;
    uuid(map, path, "registration")?;
    for key in ["revision", "platform"] {
        if string(map, path, key)?.is_some() && !of_activity {
            return fail(
                &child(path, key),
                "may be given only when the statement's object is an Activity",
                "ne peut figurer que si l'objet de la déclaration est une activité (Activity)",
            );
        }
    }
    if let Some(tag) = string(map, path, "language")? {
        language_tag(tag, &child(path, "language"))?;
    }
    for key in ["instructor", "team"] {
        if let Some(who) = map.get(key) {
            actor(who, &child(path, key))?;
        }
    }
    if let Some(statement) = map.get("statement") {
        let path = child(path, "statement");
        let s = object(statement, &path)?;
        if string(s, &path, "objectType")? != Some("StatementRef") {
            return fail(&path, "must be a StatementRef", "doit être un StatementRef");
        }
        statement_object(statement, &path, true)?;
    }
    if let Some(activities) = map.get("contextActivities") {
        let path = child(path, "contextActivities");
        let groups = object(activities, &path)?;
        only(groups, &path, &["parent", "grouping", "category", "other"])?;
        for (key, list) in groups {
            let path = child(&path, key);
            let items: Vec<&Value> = match list {
                Value::Array(items) => items.iter().collect(),
                single => vec![single],
            };
            for (i, item) in items.into_iter().enumerate() {
                let path = json::item(&path, i);
                activity(object(item, &path)?, &path)?;
            }
        }
    }
    Ok(())
}

fn attachments(value: &Value, path: &str) -> Check<()> {
    for (i, item) in checked(json::list(W, value, path))?.iter().enumerate() {
        let path = json::item(path, i);
        let map = object(item, &path)?;
        only(map, &path, ATTACHMENT_KEYS)?;
        if iri(map, &path, "usageType")?.is_none() {
            return fail(&child(&path, "usageType"), "is missing", "est absent");
        }
        language_map(map, &path, "display")?;
        language_map(map, &path, "description")?;
        if string(map, &path, "contentType")?.is_none() {
            return fail(&child(&path, "contentType"), "is missing", "est absent");
        }
        match map.get("length") {
            Some(Value::Number(n)) if n.is_u64() => {}
            _ => {
                return fail(
                    &child(&path, "length"),
                    "must be a whole number",
                    "doit être un nombre entier",
                );
            }
        }
        if string(map, &path, "sha2")?.is_none() {
            return fail(&child(&path, "sha2"), "is missing", "est absent");
        }
        iri(map, &path, "fileUrl")?;
    }
    Ok(())
}

/// The part statements and sub-statements share (context and attachments are checked only).
struct Body {
    actor: Actor,
    /// The verb's id.
    verb: String,
    object: Object,
    outcome: Outcome,
    timestamp: Option<Date>,
}

/// The part statements and sub-statements share: actor, verb, object, result, context, timestamp.
fn body(map: &Map<String, Value>, path: &str, sub: bool) -> Check<Body> {
    let required = |key: &str| checked(json::required(W, map, path, key));
    let who = actor(required("actor")?, &child(path, "actor"))?;
    let did = verb(required("verb")?, &child(path, "verb"))?;
    let what = statement_object(required("object")?, &child(path, "object"), sub)?;
    if did == VOIDED && !matches!(what, Object::StatementRef(_)) {
        return fail(
            &child(path, "object"),
            "a voiding statement's object must be a StatementRef",
            "l'objet d'une déclaration d'annulation doit être un StatementRef",
        );
    }
    let outcome = match map.get("result") {
        Some(r) => result(r, &child(path, "result"))?,
        None => Outcome::default(),
    };
    if let Some(c) = map.get("context") {
        context(
            c,
            &child(path, "context"),
            matches!(what, Object::Activity(_)),
        )?;
    }
    if let Some(a) = map.get("attachments") {
        attachments(a, &child(path, "attachments"))?;
    }
    let when = timestamp(map, path, "timestamp")?;
    Ok(Body {
        actor: who,
        verb: did,
        object: what,
        outcome,
        timestamp: when,
    })
}

/// Checks `value` as a statement and reads it.
pub(crate) fn read(value: Value) -> Check<Statement> {
    let Value::Object(map) = &value else {
        return Err(Refusal::new(
            "a statement must be a JSON object",
            "une déclaration doit être un objet JSON",
        ));
    };
    no_nulls(&value)?;
    only(map, "", STATEMENT_KEYS).map_err(|e| {
        let keys = STATEMENT_KEYS.join(", ");
        Refusal::new(
            format!("{} (a statement has: {keys})", e.en),
            format!("{} (les propriétés d'une déclaration\u{a0}: {keys})", e.fr),
        )
    })?;
    let id = uuid(map, "", "id")?.map(str::to_owned);
    let Body {
        actor: who,
        verb: did,
        object: what,
        outcome,
        timestamp: when,
    } = body(map, "", false)?;
    let stored = timestamp(map, "", "stored")?;
    let authority = match map.get("authority") {
        None => None,
        Some(a) => {
            let who = match actor(a, "authority")? {
                Actor::Agent(ifi) | Actor::Group(Some(ifi)) => ifi.describe(),
                Actor::Group(None) => "an anonymous group".to_owned(),
            };
            let name = a.get("name").and_then(Value::as_str).map(str::to_owned);
            Some((who, name))
        }
    };
    if let Some(version) = string(map, "", "version")?
        && !(version.starts_with("1.0") || version.starts_with("2.0"))
    {
        return fail(
            "version",
            format!("`{version}` is not an xAPI version (1.0.x or 2.0.x)"),
            format!("{} n'est pas une version xAPI (1.0.x ou 2.0.x)", q(version)),
        );
    }
    Ok(Statement {
        id,
        actor: who,
        verb: did,
        object: what,
        success: outcome.success,
        completion: outcome.completion,
        grade: outcome.grade,
        reason: outcome.reason,
        timestamp: when,
        stored,
        authority,
        raw: value,
    })
}

/// The statement as compared with another copy of itself: without the properties xAPI lets differ
/// between copies (its immutability exceptions), and with the timestamp as an instant.
fn comparable(map: &Map<String, Value>) -> Value {
    let mut copy = map.clone();
    for key in ["id", "stored", "authority", "version", "attachments"] {
        copy.remove(key);
    }
    if let Some(Value::Object(verb)) = copy.get_mut("verb") {
        verb.remove("display");
    }
    if let Some(Value::Object(object)) = copy.get_mut("object") {
        object.remove("definition");
    }
    // The same instant written in another time zone is the same timestamp.
    if let Some(instant) = copy
        .get("timestamp")
        .and_then(Value::as_str)
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .and_then(|t| t.timestamp_nanos_opt())
    {
        copy.insert("timestamp".into(), Value::from(instant));
    }
    Value::Object(copy)
}

#[cfg(test)]
mod tests {
    use super::is_duration;

    #[test]
    fn durations_are_iso_8601_as_xapi_restricts_it() {
        for good in [
            "PT1H30M",
            "P1Y2M10DT2H30M",
            "P3W",
            "PT4.5S",
            "PT0,5S",
            "P1D",
            "PT36H",
            "P0D",
            "P1DT12H",
            "PT1M0.25S",
        ] {
            assert!(is_duration(good), "{good}");
        }
        for bad in [
            "PT",
            "P",
            "",
            "1H",
            "P0000-00-00T01:00:00",
            "PT1H30",
            "P1.5DT2H",
            "PT1.5H30M",
            "PT1S1M",
            "P1M1Y",
            "P1WT1H",
            "P1DT",
            "PT.5S",
            "PT5.S",
            "PTH",
            "P-1D",
            "pt1h",
        ] {
            assert!(!is_duration(bad), "{bad}");
        }
    }
}
