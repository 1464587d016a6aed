//! Credentials out: an unsigned Open Badges 3.0 AchievementCredential for a participant who
//! completed the program, one per met competency on request, and the whole record as a CLR 2.0
//! ClrCredential (`partial` while the participant is still in progress). The LMS adds the proof.
//!
//! Competency achievements are aligned to the CASE items `export-case` writes (same identifiers,
//! same URIs for the same base), and carry the achieved level as a rubric result. The participant
//! is identified by a salted SHA-256 hash of their id, never in clear. Everything is derived from
//! the pack, the report and the options, so the same inputs give the same bytes.

use super::case::{identifier, record_uri};
use super::{ExportError, check_lang, check_uri, text};
use crate::pack::Pack;
use crate::report::{CompetencyState, Report, Status};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

const CONTEXT_VC: &str = "https://www.w3.org/ns/credentials/v2";
const CONTEXT_OB: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
const CONTEXT_CLR: &str = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

/// Who issues the credentials, and how they are written.
#[derive(Debug, Clone)]
pub struct CredentialOptions {
    /// The issuer's profile id (a URI), e.g. `https://omssa.example/issuers/hslp`.
    pub issuer_id: String,
    /// The issuer's name.
    pub issuer_name: String,
    /// The language of names and descriptions.
    pub lang: String,
    /// The base of the CASE URIs the achievements align to (as given to `export-case`).
    pub case_base_uri: Option<String>,
    /// The salt of the participant's identity hash (default: derived from the pack and participant).
    pub salt: Option<String>,
}

impl CredentialOptions {
    /// Refuses options that would make credentials the validators refuse: an issuer id or CASE
    /// base URI that is not an absolute URI, an empty issuer name. ([`credential`] checks them
    /// too; a caller may check them first, before evaluating anyone.)
    pub fn check(&self) -> Result<(), ExportError> {
        check_uri("issuer_id", &self.issuer_id)?;
        if self.issuer_name.trim().is_empty() {
            return Err(ExportError::InvalidOption {
                option: "issuer_name",
                message: "the issuer's name is empty".to_owned(),
            });
        }
        if let Some(base) = &self.case_base_uri {
            check_uri("case_base_uri", base)?;
        }
        Ok(())
    }
}

/// Why a credential could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialError {
    /// The program credential is only for a participant who completed the program.
    #[error("the participant has not completed the program (status: {0})")]
    NotCompleted(&'static str),
    /// A CLR needs at least one achievement.
    #[error("the participant has no achievement to record yet")]
    NothingToRecord,
    /// The export options are not usable.
    #[error(transparent)]
    Export(#[from] ExportError),
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

struct Issuer<'a> {
    pack: &'a Pack,
    report: &'a Report,
    options: &'a CredentialOptions,
    stamp: String,
    /// When the credentials expire (`[credential] valid_months` after the award), if they do.
    until: Option<String>,
    /// The salt of the identity hash.
    salt: String,
    /// `sha256$` and the salted hash of the participant's id: the only trace of the participant
    /// in a credential (credential ids are derived from it, never from the id itself).
    identity_hash: String,
}

impl Issuer<'_> {
    fn urn(&self, what: &str) -> String {
        format!(
            "urn:uuid:{}",
            identifier(&self.report.pack.id, "credential", what)
        )
    }

    fn issuer(&self) -> Value {
        json!({ "id": self.options.issuer_id, "type": ["Profile"], "name": self.options.issuer_name })
    }

    fn identity(&self) -> Value {
        json!([{ "type": "IdentityObject", "hashed": true, "identityHash": self.identity_hash, "identityType": "identifier", "salt": self.salt }])
    }

    fn lang(&self) -> &str {
        &self.options.lang
    }

    /// The program as an Achievement.
    fn program_achievement(&self) -> Value {
        let doc = self.pack.document();
        let labels: Vec<String> = self
            .report
            .requirements
            .iter()
            .map(|r| {
                self.pack
                    .message(&format!("requirement.{}", r.id), self.lang())
                    .unwrap_or(r.id)
                    .to_owned()
            })
            .collect();
        let criteria = format!(
            "Meet every completion requirement of the {} at the participant's organizational level: {}.",
            text(&doc.program.name, self.lang()),
            labels.join("; ")
        );
        json!({
            "id": self.urn("achievement:program"),
            "type": ["Achievement"],
            "achievementType": "Certificate",
            "name": text(&doc.program.name, self.lang()),
            "description": doc.program.description.as_ref().map(|d| text(d, self.lang())).unwrap_or_else(|| text(&doc.program.name, self.lang())),
            "criteria": { "narrative": criteria },
            "humanCode": doc.program.id,
            "inLanguage": self.lang(),
            "version": doc.program.version,
        })
    }

    /// A competency as an Achievement aligned to its CASE item, with the scale as its result description.
    fn competency_achievement(&self, id: &str) -> Option<Value> {
        let doc = self.pack.document();
        let comp = doc.competency.iter().find(|c| c.id == id)?;
        let item = identifier(&doc.program.id, "competency", id).to_string();
        let scale = doc.scale.of(comp)?;
        let levels: Vec<Value> = scale
            .level
            .iter()
            .map(|l| json!({ "id": self.urn(&format!("level:{}", l.id)), "type": ["RubricCriterionLevel"], "name": text(&l.name, self.lang()), "level": l.id }))
            .collect();
        Some(json!({
            "id": self.urn(&format!("achievement:competency:{id}")),
            "type": ["Achievement"],
            "achievementType": "Competency",
            "name": text(&comp.name, self.lang()),
            "description": text(&comp.description, self.lang()),
            "criteria": { "narrative": format!("Demonstrated at the level shown in the result, as {} assesses it.", text(&doc.program.name, self.lang())) },
            "humanCode": id,
            "inLanguage": self.lang(),
            "alignment": [{
                "type": ["Alignment"],
                "targetName": text(&comp.name, self.lang()),
                "targetUrl": record_uri(self.options.case_base_uri.as_deref(), "CFItems", &item),
                "targetCode": id,
                "targetFramework": text(&doc.program.name, self.lang()),
                "targetType": "CFItem",
            }],
            "resultDescription": [{
                "id": self.urn(&format!("result:{id}")),
                "type": ["ResultDescription"],
                "name": text(&scale.name, self.lang()),
                "resultType": "RubricCriterionLevel",
                "rubricCriterionLevel": levels,
            }],
        }))
    }

    fn evidence(&self, ids: &BTreeSet<String>) -> Value {
        Value::Array(
            ids.iter()
                .map(|id| json!({ "type": ["Evidence"], "name": id }))
                .collect(),
        )
    }

    fn credential(
        &self,
        key: &str,
        achievement: Value,
        result: Option<Value>,
        evidence: &BTreeSet<String>,
    ) -> Value {
        let mut subject = json!({ "type": ["AchievementSubject"], "identifier": self.identity(), "achievement": achievement });
        if let (Some(result), Some(map)) = (result, subject.as_object_mut()) {
            map.insert("result".into(), Value::Array(vec![result]));
        }
        let name = achievement_name(&subject);
        let mut credential = json!({
            "@context": [CONTEXT_VC, CONTEXT_OB],
            "id": self.urn(&format!("{key}:{}:{}", self.identity_hash, self.report.as_of)),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": name,
            "issuer": self.issuer(),
            "validFrom": self.stamp,
            "awardedDate": self.stamp,
            "credentialSubject": subject,
        });
        if let Some(map) = credential.as_object_mut() {
            if !evidence.is_empty() {
                map.insert("evidence".into(), self.evidence(evidence));
            }
            if let Some(until) = &self.until {
                map.insert("validUntil".into(), Value::from(until.as_str()));
            }
        }
        credential
    }

    fn competency_credentials(&self) -> Vec<Value> {
        self.report
            .competencies
            .iter()
            .filter(|c| c.state == CompetencyState::Met)
            .filter_map(|c| {
                let achievement = self.competency_achievement(&c.id)?;
                let achieved = c.achieved.as_deref()?;
                let result = json!({
                    "type": ["Result"],
                    "resultDescription": self.urn(&format!("result:{}", c.id)),
                    "achievedLevel": self.urn(&format!("level:{achieved}")),
                });
                let evidence: BTreeSet<String> = c
                    .sources
                    .iter()
                    .flat_map(|s| s.evidence.iter().cloned())
                    .collect();
                Some(self.credential(
                    &format!("competency:{}", c.id),
                    achievement,
                    Some(result),
                    &evidence,
                ))
            })
            .collect()
    }

    fn program_credential(&self) -> Value {
        let narrative: Vec<String> = self
            .report
            .requirements
            .iter()
            .filter_map(|r| r.reason.message.get(self.lang()).cloned())
            .collect();
        let mut evidence: BTreeSet<String> = self
            .report
            .competencies
            .iter()
            .flat_map(|c| c.sources.iter().flat_map(|s| s.evidence.iter().cloned()))
            .collect();
        evidence.extend(
            self.report
                .requirements
                .iter()
                .flat_map(|r| r.evidence.iter().cloned()),
        );
        let mut credential =
            self.credential("program", self.program_achievement(), None, &evidence);
        if let Some(subject) = credential
            .get_mut("credentialSubject")
            .and_then(Value::as_object_mut)
        {
            subject.insert("narrative".into(), Value::from(narrative.join(" ")));
        }
        credential
    }
}

fn achievement_name(subject: &Value) -> String {
    subject
        .get("achievement")
        .and_then(|a| a.get("name"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn issuer<'a>(
    pack: &'a Pack,
    report: &'a Report,
    options: &'a CredentialOptions,
) -> Result<Issuer<'a>, CredentialError> {
    check_lang(pack, &options.lang)?;
    options.check()?;
    let salt = options.salt.clone().unwrap_or_else(|| {
        let digest = Sha256::digest(
            format!("{}:{}", report.pack.fingerprint, report.participant).as_bytes(),
        );
        hex(&digest.iter().take(8).copied().collect::<Vec<u8>>())
    });
    let identity_hash = format!(
        "sha256${}",
        hex(&Sha256::digest(
            format!("{}{salt}", report.participant).as_bytes()
        ))
    );
    Ok(Issuer {
        salt,
        identity_hash,
        pack,
        report,
        options,
        stamp: format!("{}T00:00:00Z", report.as_of),
        until: pack
            .document()
            .credential
            .as_ref()
            .and_then(|c| c.valid_months)
            .and_then(|months| report.as_of.add_months(months))
            .map(|date| format!("{date}T00:00:00Z")),
    })
}

crate::codes::id_enum! {
    /// Which credential to write.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
    #[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
    #[non_exhaustive]
    pub enum CredentialKind {
        /// The program credential (the participant must have completed the program).
        Program = "program",
        /// One credential per met competency (a JSON array).
        Competencies = "competencies",
        /// The whole record as a CLR 2.0 credential (`partial` while in progress).
        Clr = "clr",
    }
}

/// The credential of `kind` for the participant `report` is about, as JSON (for `competencies`,
/// an array).
pub fn credential(
    pack: &Pack,
    report: &Report,
    kind: CredentialKind,
    options: &CredentialOptions,
) -> Result<Value, CredentialError> {
    match kind {
        CredentialKind::Program => program_credential(pack, report, options),
        CredentialKind::Competencies => {
            competency_credentials(pack, report, options).map(Value::Array)
        }
        CredentialKind::Clr => clr_credential(pack, report, options),
    }
}

/// The program credential of a participant whose report says `completed`.
pub fn program_credential(
    pack: &Pack,
    report: &Report,
    options: &CredentialOptions,
) -> Result<Value, CredentialError> {
    // (The options first: an unusable option is the caller's to fix whatever the report says.)
    let issuer = issuer(pack, report, options)?;
    if report.status != Status::Completed {
        return Err(CredentialError::NotCompleted(report.status.id()));
    }
    Ok(issuer.program_credential())
}

/// One credential per competency the report says is met.
pub fn competency_credentials(
    pack: &Pack,
    report: &Report,
    options: &CredentialOptions,
) -> Result<Vec<Value>, CredentialError> {
    Ok(issuer(pack, report, options)?.competency_credentials())
}

/// The whole record as a CLR 2.0 ClrCredential: the program credential when completed and one
/// credential per met competency; `partial` unless the program is completed.
pub fn clr_credential(
    pack: &Pack,
    report: &Report,
    options: &CredentialOptions,
) -> Result<Value, CredentialError> {
    let issuer = issuer(pack, report, options)?;
    let completed = report.status == Status::Completed;
    let mut credentials = Vec::new();
    let mut achievements = Vec::new();
    if completed {
        credentials.push(issuer.program_credential());
        achievements.push(issuer.program_achievement());
    }
    for c in report
        .competencies
        .iter()
        .filter(|c| c.state == CompetencyState::Met)
    {
        if let Some(a) = issuer.competency_achievement(&c.id) {
            achievements.push(a);
        }
    }
    credentials.extend(issuer.competency_credentials());
    if credentials.is_empty() {
        return Err(CredentialError::NothingToRecord);
    }
    // The program's name alone: the participant is named only by the identity hash.
    let name = text(&pack.document().program.name, &options.lang);
    let mut clr = json!({
        "@context": [CONTEXT_VC, CONTEXT_CLR, CONTEXT_OB],
        "id": issuer.urn(&format!("clr:{}:{}", issuer.identity_hash, report.as_of)),
        "type": ["VerifiableCredential", "ClrCredential"],
        "name": name,
        "issuer": issuer.issuer(),
        "validFrom": issuer.stamp,
        "partial": !completed,
        "credentialSubject": {
            "type": ["ClrSubject"],
            "identifier": issuer.identity(),
            "achievement": achievements,
            "verifiableCredential": credentials,
        },
    });
    if let (Some(until), Some(map)) = (&issuer.until, clr.as_object_mut()) {
        map.insert("validUntil".into(), Value::from(until.as_str()));
    }
    Ok(clr)
}
