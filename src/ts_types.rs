//! The TypeScript declarations of the data types the npm package exchanges (feature `ts-types`):
//! reports, participants, pack documents, diagnostics and failures, from the Rust types by tsify.
//! They are generated natively and committed as `pkg-js/src/types.d.ts` (`tests/ts_types.rs` fails
//! when the file is stale), so the WebAssembly module carries no type-generation code (tsify's
//! runtime pulled `js-sys` into the module: 673 B gzip).

use tsify::Tsify;

/// The declarations, one per type, in a fixed order, as `pkg-js/src/types.d.ts` holds them.
pub fn declarations() -> String {
    use crate::diagnostics::{Diagnostic, DiagnosticCode, Severity};
    use crate::ffi::{Failure, FailureCode, FailureDetail};
    use crate::messages::{Label, Message};
    use crate::pack::PackInfo;
    use crate::pack::document as d;
    use crate::participant as p;
    use crate::report as r;
    let decls = [
        // Shared.
        ID,
        TEXT,
        // The participant document.
        p::Participant::DECL,
        p::Person::DECL,
        p::Agent::DECL,
        p::Account::DECL,
        p::Development::DECL,
        p::Evidence::DECL,
        p::EvidenceEntry::DECL,
        p::Planned::DECL,
        p::MalformedEvidence::DECL,
        p::Claim::DECL,
        p::Assessor::DECL,
        p::ReviewState::DECL,
        p::ParticipantError::DECL,
        // The report.
        r::Report::DECL,
        r::EngineInfo::DECL,
        r::Status::DECL,
        r::CompetencyState::DECL,
        r::CompetencyResult::DECL,
        r::OverrideResult::DECL,
        r::Source::DECL,
        r::Via::DECL,
        r::OutcomeProgress::DECL,
        r::RequirementResult::DECL,
        r::NextLevel::DECL,
        r::NotCounted::DECL,
        r::Finding::DECL,
        r::Reason::DECL,
        // The compact form.
        crate::compact::Compact::DECL,
        crate::compact::CompactNext::DECL,
        crate::compact::ByState::DECL,
        // The cohort report.
        COUNT,
        crate::cohort::CohortReport::DECL,
        crate::cohort::CohortOptions::DECL,
        crate::cohort::GroupBy::DECL,
        crate::cohort::CohortGroup::DECL,
        crate::cohort::Readiness::DECL,
        crate::cohort::ReadinessBucket::DECL,
        crate::cohort::BenchStrength::DECL,
        crate::cohort::CohortPeople::DECL,
        crate::cohort::CompetencyGap::DECL,
        crate::cohort::Blocker::DECL,
        crate::cohort::EvidenceProblem::DECL,
        crate::cohort::Unreadable::DECL,
        crate::cohort::UnreadableDocument::DECL,
        #[cfg(feature = "planning")]
        r::Projection::DECL,
        #[cfg(feature = "planning")]
        r::Change::DECL,
        Message::DECL,
        Label::DECL,
        // The plan.
        #[cfg(feature = "planning")]
        crate::plan::Plan::DECL,
        #[cfg(feature = "planning")]
        crate::plan::Measure::DECL,
        #[cfg(feature = "planning")]
        crate::plan::Standing::DECL,
        #[cfg(feature = "planning")]
        crate::plan::PlanTotal::DECL,
        #[cfg(feature = "planning")]
        crate::plan::PlanItem::DECL,
        #[cfg(feature = "planning")]
        crate::plan::GoalRef::DECL,
        #[cfg(feature = "planning")]
        crate::plan::Gap::DECL,
        #[cfg(feature = "planning")]
        crate::plan::GapKind::DECL,
        #[cfg(feature = "planning")]
        crate::plan::NotPlannable::DECL,
        #[cfg(feature = "planning")]
        crate::messages::PlanLabel::DECL,
        // The pack document.
        PackInfo::DECL,
        d::PackDoc::DECL,
        d::ProgramDoc::DECL,
        d::NamedDoc::DECL,
        d::LevelDoc::DECL,
        d::Scales::DECL,
        d::ScaleDoc::DECL,
        d::CompetencyDoc::DECL,
        d::CellDoc::DECL,
        d::DescribedCellDoc::DECL,
        d::ReferenceDoc::DECL,
        d::Relation::DECL,
        d::EvidenceKindDoc::DECL,
        d::CountsAs::DECL,
        d::AssessorRole::DECL,
        d::AboveMaxLevel::DECL,
        d::CatalogueItemDoc::DECL,
        d::GrantDoc::DECL,
        d::XapiDoc::DECL,
        d::CredentialDoc::DECL,
        d::RuleDoc::DECL,
        d::ConditionDoc::DECL,
        d::NOfDoc::DECL,
        d::PointsDoc::DECL,
        d::EquivalencyDoc::DECL,
        d::CompletionDoc::DECL,
        d::ChosenDoc::DECL,
        d::CoachingDoc::DECL,
        d::MentoringDoc::DECL,
        d::FinalAssignmentDoc::DECL,
        d::ProgressionDoc::DECL,
        d::PrecedenceDoc::DECL,
        d::OverridePolicy::DECL,
        // Diagnostics and failures.
        Diagnostic::DECL,
        DiagnosticCode::DECL,
        Severity::DECL,
        Failure::DECL,
        FailureCode::DECL,
        FailureDetail::DECL,
    ];
    let mut out = String::from(HEADER);
    for decl in decls {
        out.push('\n');
        out.push_str(decl.trim());
        out.push('\n');
    }
    out
}

const HEADER: &str = "// Generated from the Rust types by `UPDATE_TYPES=1 cargo test --all-features --test ts_types`:\n// do not edit. The data the package exchanges: participants, reports, pack documents, diagnostics.\n";

/// `report::Id` (a type alias: tsify declares aliases only in a WebAssembly build).
const ID: &str = "/**\n * An id from the pack (competency, level, rule...), shared with the compiled pack so reports\n * reference it without copying.\n */\nexport type Id = string;";

/// `pack::document::Text` (a type alias, as [`ID`]).
const TEXT: &str = "/**\n * Text in several languages, keyed by language code (`en`, `fr`).\n */\nexport type Text = Record<string, string>;";

/// A cohort report's count (`cohort::Count`, a type alias, as [`ID`]).
const COUNT: &str = "/**\n * A count, or `null` where it is suppressed (aggregate-only reports).\n */\nexport type Count = number | null;";
