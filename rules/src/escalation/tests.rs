use support_contract::Escalation;

use super::*;

fn walk(answers: impl IntoIterator<Item = GuideAnswer>) -> Guide {
    answers
        .into_iter()
        .fold(Guide::default(), |guide, answer| guide.after(answer))
}

#[test]
fn an_escalable_problem_goes_on_with_its_reason_and_the_checks_done() {
    let guide = walk([
        GuideAnswer::HealthChecked,
        GuideAnswer::ToggleTroubleshooting(TroubleshootingStep::Settings),
        GuideAnswer::ToggleTroubleshooting(TroubleshootingStep::Software),
        GuideAnswer::TroubleshootingDone,
        GuideAnswer::Reason(EscalationReason::RegionalMultiTenantIssue),
    ]);
    assert_eq!(guide.step, GuideStep::Proceed);
    let escalation = guide.escalation().unwrap();
    assert_eq!(escalation.reason, "regional_multi_tenant_issue");
    assert!(escalation.health_checked);
    assert_eq!(escalation.troubleshooting, ["software", "settings"]);
}

#[test]
fn health_that_was_not_shown_is_not_checked_even_after_an_earlier_look() {
    let unseen = walk([
        GuideAnswer::HealthNotShown,
        GuideAnswer::TroubleshootingDone,
        GuideAnswer::Reason(EscalationReason::UnavailableService),
    ]);
    assert_eq!(unseen.step, GuideStep::Proceed);
    assert!(!unseen.escalation().unwrap().health_checked);
    let again = walk([
        GuideAnswer::HealthChecked,
        GuideAnswer::Back,
        GuideAnswer::HealthNotShown,
    ]);
    assert_eq!(again.step, GuideStep::Troubleshoot);
    assert!(!again.health_checked);
}

#[test]
fn a_known_incident_ends_the_guide_without_an_escalation() {
    let guide = walk([GuideAnswer::KnownIncident("INC-42".into())]);
    assert_eq!(guide.step, GuideStep::KnownIncident);
    assert_eq!(guide.incident.as_deref(), Some("INC-42"));
    assert_eq!(guide.escalation(), None);
    assert_eq!(
        guide.after(GuideAnswer::TroubleshootingDone),
        guide,
        "it is an end"
    );
}

#[test]
fn the_partner_may_support_it_themselves_instead_which_escalates_nothing() {
    let own = walk([
        GuideAnswer::HealthChecked,
        GuideAnswer::TroubleshootingDone,
        GuideAnswer::NoneOfThese,
        GuideAnswer::SupportItMyself,
    ]);
    assert_eq!(own.step, GuideStep::OwnSupport);
    assert_eq!(own.step.question(), None);
    assert_eq!(own.escalation(), None);
    assert_eq!(own.after(GuideAnswer::FileEscalation), own, "it is an end");
    assert_eq!(
        own.after(GuideAnswer::LackTrainingDocumentationTools),
        own,
        "it is an end"
    );
    assert_eq!(own.after(GuideAnswer::Back).step, GuideStep::PartnerDuties);
    // Only the duties offer it.
    let gate = walk([GuideAnswer::HealthChecked, GuideAnswer::TroubleshootingDone]);
    assert_eq!(gate.after(GuideAnswer::SupportItMyself), gate);
}

#[test]
fn none_of_the_categories_escalates_only_for_want_of_the_means_after_the_warning() {
    let duties = walk([
        GuideAnswer::HealthChecked,
        GuideAnswer::TroubleshootingDone,
        GuideAnswer::NoneOfThese,
    ]);
    assert_eq!(duties.step, GuideStep::PartnerDuties);
    assert_eq!(duties.escalation(), None, "no going on from the duties");
    assert_eq!(
        duties.after(GuideAnswer::FileEscalation),
        duties,
        "the warning comes first"
    );
    let warned = duties.after(GuideAnswer::LackTrainingDocumentationTools);
    assert_eq!(warned.step, GuideStep::Remediation);
    assert_eq!(warned.escalation(), None, "read the warning first");
    let on = warned.after(GuideAnswer::FileEscalation);
    assert_eq!(on.step, GuideStep::Proceed);
    assert_eq!(
        on.escalation().unwrap().reason,
        "lacks_training_documentation_tools"
    );
    assert_eq!(on.after(GuideAnswer::Back).step, GuideStep::Remediation);
    assert_eq!(
        warned.after(GuideAnswer::Back).step,
        GuideStep::PartnerDuties
    );
    // The gate offers the five categories only.
    let gate = duties.after(GuideAnswer::Back);
    assert_eq!(
        gate.after(GuideAnswer::Reason(
            EscalationReason::LacksTrainingDocumentationTools
        )),
        gate
    );
    // Supporting it after all takes the reason back.
    let own = warned
        .after(GuideAnswer::Back)
        .after(GuideAnswer::SupportItMyself);
    assert_eq!(own.reason, None);
}

#[test]
fn checks_cannot_be_skipped() {
    let start = Guide::default();
    assert_eq!(
        start.after(GuideAnswer::Reason(EscalationReason::BugOrIrregularity)),
        start
    );
    assert_eq!(start.after(GuideAnswer::TroubleshootingDone), start);
    let troubleshooting = start.after(GuideAnswer::HealthChecked);
    assert_eq!(
        troubleshooting.after(GuideAnswer::LackTrainingDocumentationTools),
        troubleshooting
    );
    assert_eq!(
        troubleshooting.after(GuideAnswer::FileEscalation),
        troubleshooting
    );
}

#[test]
fn each_step_indexes_its_place_in_the_guide() {
    for (place, step) in TroubleshootingStep::ALL.into_iter().enumerate() {
        assert_eq!(step as usize, place);
        let done: StepsDone = [step].into_iter().collect();
        assert_eq!(done.iter().collect::<Vec<_>>(), [step]);
    }
}

#[test]
fn unticking_a_step_removes_it_and_back_keeps_the_answers() {
    let guide = walk([
        GuideAnswer::HealthChecked,
        GuideAnswer::ToggleTroubleshooting(TroubleshootingStep::Software),
        GuideAnswer::ToggleTroubleshooting(TroubleshootingStep::Software),
        GuideAnswer::ToggleTroubleshooting(TroubleshootingStep::Configuration),
        GuideAnswer::TroubleshootingDone,
    ]);
    assert_eq!(
        guide.troubleshooting.iter().collect::<Vec<_>>(),
        [TroubleshootingStep::Configuration]
    );
    let back = guide.after(GuideAnswer::Back);
    assert_eq!(back.step, GuideStep::Troubleshoot);
    assert_eq!(back.troubleshooting, guide.troubleshooting);
}

#[test]
fn a_resumed_guide_decides_the_same_and_goes_back_to_the_deciding_question() {
    let escalable = walk([
        GuideAnswer::HealthChecked,
        GuideAnswer::ToggleTroubleshooting(TroubleshootingStep::Configuration),
        GuideAnswer::ToggleTroubleshooting(TroubleshootingStep::Software),
        GuideAnswer::TroubleshootingDone,
        GuideAnswer::Reason(EscalationReason::BugOrIrregularity),
    ]);
    let duties = walk([
        GuideAnswer::HealthChecked,
        GuideAnswer::TroubleshootingDone,
        GuideAnswer::NoneOfThese,
        GuideAnswer::LackTrainingDocumentationTools,
        GuideAnswer::FileEscalation,
    ]);
    for guide in [escalable, duties] {
        let resumed = Guide::resumed(&guide.escalation().unwrap()).unwrap();
        assert_eq!(resumed, guide);
        assert_eq!(
            resumed.after(GuideAnswer::Back),
            guide.after(GuideAnswer::Back)
        );
    }
}

#[test]
fn an_escalation_the_guide_cannot_have_written_is_not_resumed() {
    let written = Escalation {
        reason: "bug_or_irregularity".into(),
        health_checked: true,
        troubleshooting: vec!["software".into()],
    };
    assert!(Guide::resumed(&written).is_some());
    for edited in [
        Escalation {
            reason: "BUG_OR_IRREGULARITY".into(),
            ..written.clone()
        },
        Escalation {
            reason: String::new(),
            ..written.clone()
        },
        // An earlier version's "none of these, acknowledged": the guide
        // now asks again.
        Escalation {
            reason: "none".into(),
            ..written.clone()
        },
        Escalation {
            troubleshooting: vec!["software".into(), "<img>".into()],
            ..written.clone()
        },
    ] {
        assert_eq!(Guide::resumed(&edited), None, "{edited:?}");
    }
}

#[test]
fn the_rules_name_five_categories_and_seven_duties() {
    let categories: std::collections::BTreeSet<_> = (EscalationReason::CATEGORIES.iter())
        .map(|r| r.as_str())
        .collect();
    assert_eq!(categories.len(), 5);
    for reason in EscalationReason::ALL {
        assert!(
            support_contract::ESCALATION_REASONS.contains(&reason.as_str()),
            "the backend accepts {reason:?}"
        );
    }
    assert!(!support_contract::ESCALATION_REASONS.contains(&"none"));
    assert_eq!(PARTNER_DUTIES.len(), 7);
}

#[test]
fn the_loop_is_closed_by_a_reply_after_the_resolution_not_one_in_its_second() {
    let resolved = "2026-11-27T21:54:05Z";
    assert!(!answered_since_resolved(None, resolved));
    assert!(!answered_since_resolved(
        Some("2026-11-27T21:54:04Z"),
        resolved
    ));
    // Replied to the customer in the second 21Vianet resolved it: which
    // came first is unknown, and the reply that closes the loop is offered.
    assert!(!answered_since_resolved(Some(resolved), resolved));
    assert!(answered_since_resolved(
        Some("2026-11-27T21:54:06Z"),
        resolved
    ));
    assert!(answered_since_resolved(
        Some("2026-11-28T09:00:00Z"),
        resolved
    ));
}
