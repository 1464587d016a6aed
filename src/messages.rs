//! The engine's message catalogue in English and French, and template rendering.
//!
//! Every reason the engine gives (why evidence did not count, why a requirement is not met) has a
//! stable code and a template with `{name}` placeholders. Packs may override any template, and must
//! supply every template for a language other than English and French. Placeholders naming pack
//! things (`competency`, `kind`, `item`, `level`...) are shown by name in the reader's language.

/// `(code, English, French)` for every message the engine can produce.
pub const DEFAULT_MESSAGES: &[(&str, &str, &str)] = &[
    // Why an evidence item (or one of its claims) did not count.
    (
        "malformed",
        "This evidence item could not be read: {detail}",
        "Cet élément de preuve n'a pas pu être lu : {detail}",
    ),
    (
        "duplicate_id",
        "Another evidence item has the same id; neither is counted.",
        "Un autre élément de preuve porte le même identifiant; aucun des deux n'est compté.",
    ),
    (
        "unknown_kind",
        "`{kind}` is not an evidence kind of this program.",
        "« {kind} » n'est pas un type de preuve de ce programme.",
    ),
    (
        "future_date",
        "Dated {date}, after the evaluation date {as_of}.",
        "Daté du {date}, après la date d'évaluation du {as_of}.",
    ),
    (
        "rejected",
        "Rejected at review.",
        "Refusé lors de l'examen.",
    ),
    (
        "pending_review",
        "Submitted and waiting for review.",
        "Soumis et en attente d'examen.",
    ),
    (
        "missing_item",
        "A {kind} must name the catalogue item it completes.",
        "Un élément « {kind} » doit indiquer l'élément du catalogue qu'il complète.",
    ),
    (
        "unknown_item",
        "`{item}` is not in the catalogue.",
        "« {item} » ne figure pas au catalogue.",
    ),
    (
        "wrong_kind_for_item",
        "{item} is submitted as {expected_kind}, not as {kind}.",
        "{item} se soumet comme « {expected_kind} », et non comme « {kind} ».",
    ),
    (
        "no_claims",
        "A {kind} must claim at least one competency.",
        "Un élément « {kind} » doit revendiquer au moins une compétence.",
    ),
    (
        "unknown_competency",
        "`{competency}` is not a competency of this program.",
        "« {competency} » n'est pas une compétence de ce programme.",
    ),
    (
        "unknown_level",
        "`{level}` is not a level of the proficiency scale.",
        "« {level} » n'est pas un niveau de l'échelle de compétence.",
    ),
    (
        "above_kind_max_level",
        "A {kind} can show at most {max_level}; it claims {level}.",
        "Un élément « {kind} » peut démontrer au plus {max_level}; il revendique {level}.",
    ),
    (
        "equivalency_not_allowed",
        "{competency} cannot be obtained by equivalency.",
        "{competency} ne peut pas être obtenue par équivalence.",
    ),
    (
        "missing_topic",
        "The final assignment must name its topic.",
        "Le travail final doit indiquer son sujet.",
    ),
    (
        "unknown_topic",
        "`{topic}` is not a topic of the final assignment.",
        "« {topic} » n'est pas un sujet du travail final.",
    ),
    (
        "too_old",
        "Dated {date}: older than the {max_age_months} months a {kind} may be.",
        "Daté du {date} : plus ancien que les {max_age_months} mois permis pour « {kind} ».",
    ),
    (
        "expired",
        "The completion of {item} on {date} expired on {expires}.",
        "La réussite de {item} le {date} a expiré le {expires}.",
    ),
    (
        "outside_claim_window",
        "Claimed on {claimed}, after the claim window closed on {window_end}.",
        "Revendiqué le {claimed}, après la fermeture de la période de demande le {window_end}.",
    ),
    (
        "no_assessor",
        "Approved, but no assessor is named.",
        "Approuvé, mais aucun évaluateur n'est indiqué.",
    ),
    (
        "unknown_assessor_role",
        "`{role}` is not an assessor role.",
        "« {role} » n'est pas un rôle d'évaluateur.",
    ),
    (
        "assessor_not_allowed",
        "A {role} may not assess a {kind} (allowed: {allowed}).",
        "Un « {role} » ne peut pas évaluer un élément « {kind} » (permis : {allowed}).",
    ),
    (
        "no_coach",
        "Assessed by a coach, but the participant has no coach.",
        "Évalué par un coach, mais le participant n'a pas de coach.",
    ),
    (
        "not_participants_coach",
        "Assessed by {assessor}, who is not the participant's coach.",
        "Évalué par {assessor}, qui n'est pas le coach du participant.",
    ),
    (
        "ineligible_coach",
        "The coach is not from the participant's organization.",
        "Le coach ne fait pas partie de l'organisation du participant.",
    ),
    (
        "no_mentor",
        "Assessed by a mentor, but the participant has no mentor.",
        "Évalué par un mentor, mais le participant n'a pas de mentor.",
    ),
    (
        "not_participants_mentor",
        "Assessed by {assessor}, who is not the participant's mentor.",
        "Évalué par {assessor}, qui n'est pas le mentor du participant.",
    ),
    (
        "ineligible_mentor",
        "The mentor does not meet the program's conditions (see findings).",
        "Le mentor ne remplit pas les conditions du programme (voir les constats).",
    ),
    (
        "missing_grade",
        "A grade of at least {min_grade} is needed; none was given.",
        "Une note d'au moins {min_grade} est requise; aucune n'a été donnée.",
    ),
    (
        "below_min_grade",
        "Grade {grade} is below the minimum of {min_grade}.",
        "La note {grade} est inférieure au minimum de {min_grade}.",
    ),
    (
        "invalid_grade",
        "Grade {grade} is outside 0 to 100.",
        "La note {grade} n'est pas entre 0 et 100.",
    ),
    (
        "over_prior_learning_cap",
        "Over the prior-learning cap: at most {cap} competencies may be credited by equivalency.",
        "Au-delà du plafond d'acquis antérieurs : au plus {cap} compétences peuvent être reconnues par équivalence.",
    ),
    (
        "superseded_override",
        "A later override ({by}) replaces this one for {competency}.",
        "Une dérogation plus récente ({by}) remplace celle-ci pour {competency}.",
    ),
    // Findings about the participant document.
    (
        "unknown_field",
        "Field `{field}` is not part of the participant format and was ignored.",
        "Le champ « {field} » ne fait pas partie du format et a été ignoré.",
    ),
    (
        "unused_field",
        "Field `{field}` has no meaning for a {kind} and was ignored.",
        "Le champ « {field} » n'a pas de sens pour un élément « {kind} » et a été ignoré.",
    ),
    (
        "as_of_before_enrolment",
        "The evaluation date {as_of} is before enrolment on {enrolled}.",
        "La date d'évaluation {as_of} précède l'inscription du {enrolled}.",
    ),
    (
        "coach_outside_organization",
        "Coach {coach} is from {coach_organization}, not from the participant's organization {organization}.",
        "Le coach {coach} vient de {coach_organization}, et non de l'organisation du participant, {organization}.",
    ),
    (
        "mentor_same_organization",
        "Mentor {mentor} is from the participant's own organization {organization}; a mentor must come from another organization.",
        "Le mentor {mentor} vient de l'organisation du participant, {organization}; un mentor doit venir d'une autre organisation.",
    ),
    (
        "mentor_not_appointed",
        "Mentor {mentor} must be appointed by {required} (given: {appointed_by}).",
        "Le mentor {mentor} doit être nommé par {required} (indiqué : {appointed_by}).",
    ),
    // Completion requirements.
    (
        "competencies_met",
        "{met} of {required} required competencies met.",
        "{met} des {required} compétences requises sont atteintes.",
    ),
    (
        "competencies_not_met",
        "{met} of {required} required competencies met ({percent}%, {needed}% needed); {pending} pending review.",
        "{met} des {required} compétences requises sont atteintes ({percent} %, {needed} % requis); {pending} en attente d'examen.",
    ),
    (
        "coaching_met",
        "{count} of {needed} coaching sessions done.",
        "{count} des {needed} séances de coaching sont faites.",
    ),
    (
        "coaching_not_met",
        "{count} of {needed} coaching sessions done.",
        "{count} des {needed} séances de coaching sont faites.",
    ),
    (
        "coaching_no_coach",
        "No coach is appointed.",
        "Aucun coach n'est nommé.",
    ),
    (
        "coaching_ineligible_coach",
        "The coach must be from the participant's organization.",
        "Le coach doit faire partie de l'organisation du participant.",
    ),
    (
        "mentoring_met",
        "{count} of {needed} mentoring conversations done.",
        "{count} des {needed} conversations de mentorat sont faites.",
    ),
    (
        "mentoring_not_met",
        "{count} of {needed} mentoring conversations done.",
        "{count} des {needed} conversations de mentorat sont faites.",
    ),
    (
        "mentoring_no_mentor",
        "No mentor is appointed.",
        "Aucun mentor n'est nommé.",
    ),
    (
        "mentoring_ineligible_mentor",
        "The mentor must be appointed by the program from another organization.",
        "Le mentor doit être nommé par le programme et venir d'une autre organisation.",
    ),
    (
        "final_assignment_met",
        "Final assignment passed (grade {grade}).",
        "Travail final réussi (note {grade}).",
    ),
    (
        "final_assignment_pending",
        "The final assignment is waiting for review.",
        "Le travail final est en attente d'examen.",
    ),
    (
        "final_assignment_missing",
        "No passing final assignment yet.",
        "Aucun travail final réussi pour l'instant.",
    ),
    (
        "time_limit_open",
        "{days} days remain until the deadline of {deadline}.",
        "Il reste {days} jours avant l'échéance du {deadline}.",
    ),
    (
        "time_limit_met",
        "Completed on {completed}, within the deadline of {deadline}.",
        "Terminé le {completed}, avant l'échéance du {deadline}.",
    ),
    (
        "time_limit_passed",
        "The deadline of {deadline} has passed.",
        "L'échéance du {deadline} est passée.",
    ),
    (
        "time_limit_none",
        "No time limit.",
        "Aucune limite de temps.",
    ),
    // Overall status.
    (
        "status_enrolled",
        "Enrolled; no evidence has counted yet.",
        "Inscrit; aucune preuve n'a encore été comptée.",
    ),
    ("status_in_progress", "In progress.", "En cours."),
    (
        "status_ready_for_final_assignment",
        "Every requirement but the final assignment is met.",
        "Toutes les exigences sauf le travail final sont remplies.",
    ),
    ("status_completed", "Completed.", "Terminé."),
    (
        "status_lapsed",
        "Lapsed: the time limit passed before completion.",
        "Échu : la limite de temps est passée avant la fin du programme.",
    ),
    // Labels used by the text explanation.
    ("label.status", "Status", "Statut"),
    ("label.level", "Level", "Niveau"),
    ("label.level_attained", "Level attained", "Niveau atteint"),
    ("label.next_level", "Next level", "Niveau suivant"),
    ("label.ready", "ready", "prêt"),
    ("label.not_ready", "not ready", "pas prêt"),
    ("label.none", "none", "aucun"),
    (
        "label.outcomes",
        "Learning outcomes",
        "Résultats d'apprentissage",
    ),
    ("label.competencies", "Competencies", "Compétences"),
    (
        "label.requirements",
        "Completion requirements",
        "Exigences d'achèvement",
    ),
    (
        "label.not_counted",
        "Evidence that did not count",
        "Preuves non comptées",
    ),
    ("label.findings", "Findings", "Constats"),
    ("label.required", "required", "requis"),
    ("label.achieved", "achieved", "atteint"),
    ("label.via", "via", "par"),
    ("label.met_count", "met", "atteintes"),
    ("state.met", "met", "atteinte"),
    ("state.not_met", "not met", "non atteinte"),
    (
        "state.not_yet_enough_evidence",
        "not yet enough evidence",
        "pas encore assez de preuves",
    ),
    (
        "state.pending_review",
        "pending review",
        "en attente d'examen",
    ),
    ("state.not_required", "not required", "non requise"),
    ("requirement.competencies", "Competencies", "Compétences"),
    ("requirement.coaching", "Coaching", "Coaching"),
    ("requirement.mentoring", "Mentoring", "Mentorat"),
    (
        "requirement.final_assignment",
        "Final assignment",
        "Travail final",
    ),
    ("requirement.time_limit", "Time limit", "Limite de temps"),
    ("status.enrolled", "enrolled", "inscrit"),
    ("status.in_progress", "in progress", "en cours"),
    (
        "status.ready_for_final_assignment",
        "ready for the final assignment",
        "prêt pour le travail final",
    ),
    ("status.completed", "completed", "terminé"),
    ("status.lapsed", "lapsed", "échu"),
];

/// The codes of the messages about xAPI statements (feature `interop`). The codes are known to
/// every build, so a pack that overrides or translates them checks the same everywhere; their
/// default templates are only in builds that read statements.
pub const INTEROP_CODES: &[&str] = &[
    "statement_refused",
    "statement_repeated",
    "statement_voided",
    "statement_void_no_effect",
    "statement_other_actor",
    "statement_not_evidence",
    "statement_not_activity",
    "statement_unmapped_activity",
    "statement_failed",
    "statement_waiver_not_accepted",
];

/// `(code, English, French)` for every message about xAPI statements: why a statement did not
/// become an evidence item.
#[cfg(feature = "interop")]
pub const INTEROP_MESSAGES: &[(&str, &str, &str)] = &[
    (
        "statement_refused",
        "This xAPI statement was refused: {detail}",
        "Cette déclaration xAPI a été refusée : {detail}",
    ),
    (
        "statement_repeated",
        "The same statement was received more than once; it counts once.",
        "La même déclaration a été reçue plus d'une fois; elle compte une seule fois.",
    ),
    (
        "statement_voided",
        "Voided by statement {by}.",
        "Annulée par la déclaration {by}.",
    ),
    (
        "statement_void_no_effect",
        "Voids statement {target}, which is not among the statements received or is itself a voiding statement; nothing changed.",
        "Annule la déclaration {target}, qui ne figure pas parmi les déclarations reçues ou en annule elle-même une autre; rien n'a changé.",
    ),
    (
        "statement_other_actor",
        "The statement is about {actor}, not this participant.",
        "La déclaration concerne {actor}, et non ce participant.",
    ),
    (
        "statement_not_evidence",
        "The verb {verb} does not record a completion, a pass or a waiver.",
        "Le verbe {verb} n'enregistre ni achèvement, ni réussite, ni dispense.",
    ),
    (
        "statement_not_activity",
        "The statement is about a {object_type}, not an activity.",
        "La déclaration porte sur un objet {object_type}, et non sur une activité.",
    ),
    (
        "statement_unmapped_activity",
        "No catalogue item is mapped to activity {activity}.",
        "Aucun élément du catalogue n'est associé à l'activité {activity}.",
    ),
    (
        "statement_failed",
        "Reported as failed for {item}.",
        "Déclaré comme échoué pour {item}.",
    ),
    (
        "statement_waiver_not_accepted",
        "A waiver of {item} ({reason}) cannot count: the program names no evidence kind for waivers.",
        "Une dispense de {item} ({reason}) ne peut pas compter : le programme ne désigne aucun type de preuve pour les dispenses.",
    ),
];

/// Every default message of this build.
pub fn all() -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> {
    let all = DEFAULT_MESSAGES.iter();
    #[cfg(feature = "interop")]
    let all = all.chain(INTEROP_MESSAGES.iter());
    all
}

/// The languages the engine has default messages for.
pub const DEFAULT_LANGUAGES: [&str; 2] = ["en", "fr"];

/// The default template for `code` in `lang`, if the engine has one.
pub fn default_message(code: &str, lang: &str) -> Option<&'static str> {
    let (_, en, fr) = all().find(|(c, _, _)| *c == code)?;
    match lang {
        "en" => Some(en),
        "fr" => Some(fr),
        _ => None,
    }
}

/// Whether `code` is a message the engine produces.
pub fn is_known_code(code: &str) -> bool {
    DEFAULT_MESSAGES.iter().any(|(c, _, _)| *c == code) || INTEROP_CODES.contains(&code)
}

/// A number as messages show it: the shortest text that reads back as the same number, without a
/// trailing `.0` (`80`, `85.5`, `100.00000000000001`; very large or small numbers in exponent form,
/// `1e+300`). Written with serde_json's float writer, which the module has anyway: `f64`'s
/// `Display` would add 14 KB to the WebAssembly module.
pub fn number(x: f64) -> String {
    match serde_json::Number::from_f64(x) {
        Some(n) => {
            let text = n.to_string();
            match text.strip_suffix(".0") {
                Some(whole) => whole.to_owned(),
                None => text,
            }
        }
        None if x.is_nan() => "NaN".to_owned(),
        None if x > 0.0 => "inf".to_owned(),
        None => "-inf".to_owned(),
    }
}

/// Fills `{name}` placeholders in `template` using `lookup`; unknown placeholders stay as written.
pub fn render(template: &str, mut lookup: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after_open) = rest.split_at(open);
        out.push_str(before);
        let tail = after_open.get(1..).unwrap_or_default();
        match tail.find('}') {
            Some(close) => {
                let name = tail.get(..close).unwrap_or_default();
                match lookup(name) {
                    Some(value) => out.push_str(&value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = tail.get(close + 1..).unwrap_or_default();
            }
            None => {
                out.push_str(after_open);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders a template uses.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let tail = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = tail.find('}') else { break };
        names.push(tail.get(..close).unwrap_or_default());
        rest = tail.get(close + 1..).unwrap_or_default();
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_f64_displays_them_where_grades_live() {
        // Everywhere a grade can be (0 to 100, and a little past), the text is `Display`'s.
        let mut x = -2.0f64;
        while x <= 102.0 {
            assert_eq!(number(x), x.to_string());
            x += 0.37;
        }
        for x in [
            0.0,
            80.0,
            85.5,
            100.00000000000001,
            94.52706955539223,
            -0.5,
            1e15,
        ] {
            assert_eq!(number(x), x.to_string());
            assert_eq!(number(x).parse::<f64>().ok(), Some(x));
        }
        assert_eq!(number(1e300), "1e+300");
        assert_eq!(number(f64::NAN), "NaN");
        assert_eq!(number(f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn every_default_message_has_both_languages_and_unique_code() {
        let mut codes: Vec<&str> = DEFAULT_MESSAGES.iter().map(|(c, _, _)| *c).collect();
        let total = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), total, "duplicate message code");
        for (code, en, fr) in DEFAULT_MESSAGES {
            assert!(!en.is_empty() && !fr.is_empty(), "{code}");
            // The French text uses the same placeholders as the English one.
            let mut a = placeholders(en);
            let mut b = placeholders(fr);
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "placeholders differ for {code}");
        }
    }

    #[test]
    fn render_fills_known_placeholders_only() {
        let text = render("{a} and {b} {", |name| {
            (name == "a").then(|| "x".to_string())
        });
        assert_eq!(text, "x and {b} {");
    }
}
