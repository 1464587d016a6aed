//! The table of every message the engine writes, in English and French: the reasons (why evidence
//! did not count, why a requirement is or is not met, the status), the findings, the statements set
//! aside, and the labels of the text explanation. Each entry is one variant; the code is what reports
//! carry and what a pack's `[messages.LANG]` overrides; `{name}` placeholders are filled when the
//! message is rendered. `docs/messages.md` is generated from this table (`tests/docs.rs` checks it).

use super::message_table;

message_table! {
    /// A reason, finding or set-aside message: what a report's `reason.code` says.
    pub enum Message {
        // Why an evidence item (or one of its claims) did not count.
        Malformed = "malformed" => ("This evidence item could not be read: {detail}", "Cet élément de preuve n'a pas pu être lu : {detail}"),
        DuplicateId = "duplicate_id" => ("Another evidence item has the same id ({id}) and different content; none of them is counted.", "Un autre élément de preuve porte le même identifiant ({id}) avec un contenu différent; aucun n'est compté."),
        EvidenceRepeated = "evidence_repeated" => ("Evidence item {id} was given {count} times with the same content; it counts once.", "L'élément de preuve {id} a été fourni {count} fois avec le même contenu; il compte une seule fois."),
        UnknownKind = "unknown_kind" => ("`{kind}` is not an evidence kind of this program.", "« {kind} » n'est pas un type de preuve de ce programme."),
        FutureDate = "future_date" => ("Dated {date}, after the evaluation date {as_of}.", "Daté du {date}, après la date d'évaluation du {as_of}."),
        Rejected = "rejected" => ("Rejected at review.", "Refusé lors de l'examen."),
        PendingReview = "pending_review" => ("Submitted and waiting for review.", "Soumis et en attente d'examen."),
        MissingItem = "missing_item" => ("A {kind} must name the catalogue item it completes.", "Un élément « {kind} » doit indiquer l'élément du catalogue qu'il complète."),
        UnknownItem = "unknown_item" => ("`{item}` is not in the catalogue.", "« {item} » ne figure pas au catalogue."),
        WrongKindForItem = "wrong_kind_for_item" => ("{item} is submitted as {expected_kind}, not as {kind}.", "{item} se soumet comme « {expected_kind} », et non comme « {kind} »."),
        NoClaims = "no_claims" => ("A {kind} must claim at least one competency.", "Un élément « {kind} » doit revendiquer au moins une compétence."),
        UnknownCompetency = "unknown_competency" => ("`{competency}` is not a competency of this program.", "« {competency} » n'est pas une compétence de ce programme."),
        UnknownLevel = "unknown_level" => ("`{level}` is not a level of the proficiency scale.", "« {level} » n'est pas un niveau de l'échelle de compétence."),
        AboveKindMaxLevel = "above_kind_max_level" => ("A {kind} can show at most {max_level}; it claims {level}.", "Un élément « {kind} » peut démontrer au plus {max_level}; il revendique {level}."),
        EquivalencyNotAllowed = "equivalency_not_allowed" => ("{competency} cannot be obtained by equivalency.", "{competency} ne peut pas être obtenue par équivalence."),
        MissingTopic = "missing_topic" => ("The final assignment must name its topic.", "Le travail final doit indiquer son sujet."),
        UnknownTopic = "unknown_topic" => ("`{topic}` is not a topic of the final assignment.", "« {topic} » n'est pas un sujet du travail final."),
        TooOld = "too_old" => ("Dated {date}: older than the {max_age_months} months a {kind} may be.", "Daté du {date} : plus ancien que les {max_age_months} mois permis pour « {kind} »."),
        Expired = "expired" => ("The completion of {item} on {date} expired on {expires}.", "La réussite de {item} le {date} a expiré le {expires}."),
        OutsideClaimWindow = "outside_claim_window" => ("Claimed on {claimed}, after the claim window closed on {window_end}.", "Revendiqué le {claimed}, après la fermeture de la période de demande le {window_end}."),
        NoAssessor = "no_assessor" => ("Approved, but no assessor is named.", "Approuvé, mais aucun évaluateur n'est indiqué."),
        UnknownAssessorRole = "unknown_assessor_role" => ("`{role}` is not an assessor role.", "« {role} » n'est pas un rôle d'évaluateur."),
        AssessorNotAllowed = "assessor_not_allowed" => ("A {role} may not assess a {kind} (allowed: {allowed}).", "Un « {role} » ne peut pas évaluer un élément « {kind} » (permis : {allowed})."),
        NoCoach = "no_coach" => ("Assessed by a coach, but the participant has no coach.", "Évalué par un coach, mais le participant n'a pas de coach."),
        NotParticipantsCoach = "not_participants_coach" => ("Assessed by {assessor}, who is not the participant's coach.", "Évalué par {assessor}, qui n'est pas le coach du participant."),
        IneligibleCoach = "ineligible_coach" => ("The coach is not from the participant's organization.", "Le coach ne fait pas partie de l'organisation du participant."),
        NoMentor = "no_mentor" => ("Assessed by a mentor, but the participant has no mentor.", "Évalué par un mentor, mais le participant n'a pas de mentor."),
        NotParticipantsMentor = "not_participants_mentor" => ("Assessed by {assessor}, who is not the participant's mentor.", "Évalué par {assessor}, qui n'est pas le mentor du participant."),
        IneligibleMentor = "ineligible_mentor" => ("The mentor does not meet the program's conditions (see findings).", "Le mentor ne remplit pas les conditions du programme (voir les constats)."),
        MissingGrade = "missing_grade" => ("A grade of at least {min_grade} is needed; none was given.", "Une note d'au moins {min_grade} est requise; aucune n'a été donnée."),
        BelowMinGrade = "below_min_grade" => ("Grade {grade} is below the minimum of {min_grade}.", "La note {grade} est inférieure au minimum de {min_grade}."),
        InvalidGrade = "invalid_grade" => ("Grade {grade} is outside 0 to 100.", "La note {grade} n'est pas entre 0 et 100."),
        OverPriorLearningCap = "over_prior_learning_cap" => ("Over the prior-learning cap: at most {cap} competencies may be credited by equivalency.", "Au-delà du plafond d'acquis antérieurs : au plus {cap} compétences peuvent être reconnues par équivalence."),
        SupersededOverride = "superseded_override" => ("A later override ({by}) replaces this one for {competency}.", "Une dérogation plus récente ({by}) remplace celle-ci pour {competency}."),
        // Findings about the participant document.
        UnknownField = "unknown_field" => ("Field `{field}` is not part of the participant format and was ignored.", "Le champ « {field} » ne fait pas partie du format et a été ignoré."),
        UnusedField = "unused_field" => ("Field `{field}` has no meaning for a {kind} and was ignored.", "Le champ « {field} » n'a pas de sens pour un élément « {kind} » et a été ignoré."),
        AsOfBeforeEnrolment = "as_of_before_enrolment" => ("The evaluation date {as_of} is before enrolment on {enrolled}.", "La date d'évaluation {as_of} précède l'inscription du {enrolled}."),
        CoachOutsideOrganization = "coach_outside_organization" => ("Coach {coach} is from {coach_organization}, not from the participant's organization {organization}.", "Le coach {coach} vient de {coach_organization}, et non de l'organisation du participant, {organization}."),
        MentorSameOrganization = "mentor_same_organization" => ("Mentor {mentor} is from the participant's own organization {organization}; a mentor must come from another organization.", "Le mentor {mentor} vient de l'organisation du participant, {organization}; un mentor doit venir d'une autre organisation."),
        MentorNotAppointed = "mentor_not_appointed" => ("Mentor {mentor} must be appointed by {required} (given: {appointed_by}).", "Le mentor {mentor} doit être nommé par {required} (indiqué : {appointed_by})."),
        // Completion requirements.
        CompetenciesMet = "competencies_met" => ("{met} of {required} required competencies met.", "{met} des {required} compétences requises sont atteintes."),
        CompetenciesNotMet = "competencies_not_met" => ("{met} of {required} required competencies met ({percent}%, {needed}% needed); {pending} pending review.", "{met} des {required} compétences requises sont atteintes ({percent} %, {needed} % requis); {pending} en attente d'examen."),
        CoachingMet = "coaching_met" => ("{count} of {needed} coaching sessions done.", "{count} des {needed} séances de coaching sont faites."),
        CoachingNotMet = "coaching_not_met" => ("{count} of {needed} coaching sessions done.", "{count} des {needed} séances de coaching sont faites."),
        CoachingNoCoach = "coaching_no_coach" => ("No coach is appointed.", "Aucun coach n'est nommé."),
        CoachingIneligibleCoach = "coaching_ineligible_coach" => ("The coach must be from the participant's organization.", "Le coach doit faire partie de l'organisation du participant."),
        MentoringMet = "mentoring_met" => ("{count} of {needed} mentoring conversations done.", "{count} des {needed} conversations de mentorat sont faites."),
        MentoringNotMet = "mentoring_not_met" => ("{count} of {needed} mentoring conversations done.", "{count} des {needed} conversations de mentorat sont faites."),
        MentoringNoMentor = "mentoring_no_mentor" => ("No mentor is appointed.", "Aucun mentor n'est nommé."),
        MentoringIneligibleMentor = "mentoring_ineligible_mentor" => ("The mentor must be appointed by the program from another organization.", "Le mentor doit être nommé par le programme et venir d'une autre organisation."),
        FinalAssignmentMet = "final_assignment_met" => ("Final assignment passed (grade {grade}).", "Travail final réussi (note {grade})."),
        FinalAssignmentPending = "final_assignment_pending" => ("The final assignment is waiting for review.", "Le travail final est en attente d'examen."),
        FinalAssignmentMissing = "final_assignment_missing" => ("No passing final assignment yet.", "Aucun travail final réussi pour l'instant."),
        TimeLimitOpen = "time_limit_open" => ("{days} days remain until the deadline of {deadline}.", "Il reste {days} jours avant l'échéance du {deadline}."),
        TimeLimitMet = "time_limit_met" => ("Completed on {completed}, within the deadline of {deadline}.", "Terminé le {completed}, avant l'échéance du {deadline}."),
        TimeLimitPassed = "time_limit_passed" => ("The deadline of {deadline} has passed.", "L'échéance du {deadline} est passée."),
        TimeLimitNone = "time_limit_none" => ("No time limit.", "Aucune limite de temps."),
        // Overall status.
        StatusEnrolled = "status_enrolled" => ("Enrolled; no evidence has counted yet.", "Inscrit; aucune preuve n'a encore été comptée."),
        StatusInProgress = "status_in_progress" => ("In progress.", "En cours."),
        StatusReadyForFinalAssignment = "status_ready_for_final_assignment" => ("Every requirement but the final assignment is met.", "Toutes les exigences sauf le travail final sont remplies."),
        StatusCompleted = "status_completed" => ("Completed.", "Terminé."),
        StatusLapsed = "status_lapsed" => ("Lapsed: the time limit passed before completion.", "Échu : la limite de temps est passée avant la fin du programme."),
        // Why an xAPI statement did not become evidence (templates in the `interop` build only; the
        // codes are known to every build, so a pack that overrides them checks the same everywhere).
        #[cfg(feature = "interop")] StatementRefused = "statement_refused" => ("This xAPI statement was refused: {detail}", "Cette déclaration xAPI a été refusée : {detail}"),
        #[cfg(feature = "interop")] StatementRepeated = "statement_repeated" => ("The same statement was received more than once; it counts once.", "La même déclaration a été reçue plus d'une fois; elle compte une seule fois."),
        #[cfg(feature = "interop")] StatementVoided = "statement_voided" => ("Voided by statement {by}.", "Annulée par la déclaration {by}."),
        #[cfg(feature = "interop")] StatementVoidNoEffect = "statement_void_no_effect" => ("Voids statement {target}, which is not among the statements received or is itself a voiding statement; nothing changed.", "Annule la déclaration {target}, qui ne figure pas parmi les déclarations reçues ou en annule elle-même une autre; rien n'a changé."),
        #[cfg(feature = "interop")] StatementOtherActor = "statement_other_actor" => ("The statement is about {actor}, not this participant.", "La déclaration concerne {actor}, et non ce participant."),
        #[cfg(feature = "interop")] StatementNotEvidence = "statement_not_evidence" => ("The verb {verb} does not record a completion, a pass or a waiver.", "Le verbe {verb} n'enregistre ni achèvement, ni réussite, ni dispense."),
        #[cfg(feature = "interop")] StatementNotActivity = "statement_not_activity" => ("The statement is about a {object_type}, not an activity.", "La déclaration porte sur un objet {object_type}, et non sur une activité."),
        #[cfg(feature = "interop")] StatementUnmappedActivity = "statement_unmapped_activity" => ("No catalogue item is mapped to activity {activity}.", "Aucun élément du catalogue n'est associé à l'activité {activity}."),
        #[cfg(feature = "interop")] StatementFailed = "statement_failed" => ("Reported as failed for {item}.", "Déclaré comme échoué pour {item}."),
        #[cfg(feature = "interop")] StatementWaiverNotAccepted = "statement_waiver_not_accepted" => ("A waiver of {item} ({reason}) cannot count: the program names no evidence kind for waivers.", "Une dispense de {item} ({reason}) ne peut pas compter : le programme ne désigne aucun type de preuve pour les dispenses."),
    }
}

message_table! {
    /// A label of the text explanation (`explain`): headings, states, requirement and status names.
    pub enum Label {
        Status = "label.status" => ("Status", "Statut"),
        Level = "label.level" => ("Level", "Niveau"),
        LevelAttained = "label.level_attained" => ("Level attained", "Niveau atteint"),
        NextLevel = "label.next_level" => ("Next level", "Niveau suivant"),
        Ready = "label.ready" => ("ready", "prêt"),
        NotReady = "label.not_ready" => ("not ready", "pas prêt"),
        None = "label.none" => ("none", "aucun"),
        Outcomes = "label.outcomes" => ("Learning outcomes", "Résultats d'apprentissage"),
        Competencies = "label.competencies" => ("Competencies", "Compétences"),
        Requirements = "label.requirements" => ("Completion requirements", "Exigences d'achèvement"),
        NotCounted = "label.not_counted" => ("Evidence that did not count", "Preuves non comptées"),
        Findings = "label.findings" => ("Findings", "Constats"),
        Required = "label.required" => ("required", "requis"),
        Achieved = "label.achieved" => ("achieved", "atteint"),
        Via = "label.via" => ("via", "par"),
        MetCount = "label.met_count" => ("met", "atteintes"),
        StateMet = "state.met" => ("met", "atteinte"),
        StateNotMet = "state.not_met" => ("not met", "non atteinte"),
        StateNotYetEnoughEvidence = "state.not_yet_enough_evidence" => ("not yet enough evidence", "pas encore assez de preuves"),
        StatePendingReview = "state.pending_review" => ("pending review", "en attente d'examen"),
        StateNotRequired = "state.not_required" => ("not required", "non requise"),
        RequirementCompetencies = "requirement.competencies" => ("Competencies", "Compétences"),
        RequirementCoaching = "requirement.coaching" => ("Coaching", "Coaching"),
        RequirementMentoring = "requirement.mentoring" => ("Mentoring", "Mentorat"),
        RequirementFinalAssignment = "requirement.final_assignment" => ("Final assignment", "Travail final"),
        RequirementTimeLimit = "requirement.time_limit" => ("Time limit", "Limite de temps"),
        StatusEnrolled = "status.enrolled" => ("enrolled", "inscrit"),
        StatusInProgress = "status.in_progress" => ("in progress", "en cours"),
        StatusReadyForFinalAssignment = "status.ready_for_final_assignment" => ("ready for the final assignment", "prêt pour le travail final"),
        StatusCompleted = "status.completed" => ("completed", "terminé"),
        StatusLapsed = "status.lapsed" => ("lapsed", "échu"),
    }
}
