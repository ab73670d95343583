use support_contract::Escalation;

use super::*;
use crate::rules::escalation::{EscalationReason, TroubleshootingStep};

fn customer(id: &str) -> Customer {
    Customer {
        id: id.into(),
        name: format!("Customer {id}"),
        domain: format!("{id}.example.cn"),
    }
}

fn service(id: &str) -> Service {
    Service {
        id: id.into(),
        name: id.into(),
        admin_center_url: "https://portal.azure.cn/".into(),
    }
}

fn subject(customer_id: &str, escalation: Option<Escalation>) -> DraftSubject {
    DraftSubject {
        customer: customer(customer_id),
        service: service("azure"),
        escalation,
    }
}

fn walk(steps: impl IntoIterator<Item = Step>) -> Journey {
    steps
        .into_iter()
        .fold(Journey::default(), |journey, step| journey.after(step))
}

#[test]
fn each_flow_left_home_for_is_a_visit_of_its_own() {
    let filed = walk([
        Step::OpenCustomerRequest,
        Step::PickCustomer(customer("c1")),
        Step::PickService(service("azure")),
        Step::StillNeedsHelp,
    ]);
    assert_eq!(filed.visit, 1);
    // Its status and back, or back and on again, is the same visit.
    let from_status = filed.after(Step::ViewStatus("r1".into())).after(Step::Back);
    assert_eq!(
        (from_status.screen, from_status.visit),
        (Screen::CustomerRequest, 1)
    );
    let other_service = filed
        .after(Step::Back)
        .after(Step::Back)
        .after(Step::PickService(service("office365")))
        .after(Step::StillNeedsHelp);
    assert_eq!(
        (other_service.screen, other_service.visit),
        (Screen::CustomerRequest, 1)
    );
    // Home and out again is a new one, whatever the flow.
    let again = filed.after(Step::Home).after(Step::OpenCustomerRequest);
    assert_eq!(again.visit, 2);
    assert_eq!(
        again
            .after(Step::Home)
            .after(Step::OpenPartnerCenterRequest)
            .visit,
        3
    );
    // A journey that starts over keeps counting.
    let solved = walk([
        Step::OpenCustomerRequest,
        Step::PickCustomer(customer("c1")),
        Step::PickService(service("azure")),
        Step::Solved,
        Step::Home,
    ]);
    assert_eq!((solved.screen, solved.visit), (Screen::Home, 1));
    assert_eq!(solved.after(Step::OpenCustomerRequest).visit, 2);
    // A step that goes nowhere from home is no visit.
    assert_eq!(Journey::default().after(Step::Back).visit, 0);
}

#[test]
fn the_customer_flow_goes_search_service_self_help_request() {
    let journey = walk([
        Step::OpenCustomerRequest,
        Step::PickCustomer(customer("c1")),
        Step::PickService(service("azure")),
        Step::StillNeedsHelp,
    ]);
    assert_eq!(journey.screen, Screen::CustomerRequest);
    let context = journey.context().unwrap();
    assert_eq!(context.customer.id, "c1");
    assert_eq!(context.service.id, "azure");
}

#[test]
fn a_kept_draft_resumes_at_its_request_with_its_customer_and_service() {
    let escalated = walk([
        Step::OpenEscalationGuide,
        Step::PickCustomer(customer("c1")),
        Step::Home,
    ]);
    let resumed = escalated.after(Step::ResumeCustomerRequest(subject("c2", None)));
    assert_eq!(resumed.screen, Screen::CustomerRequest);
    assert!(!resumed.escalating);
    let context = resumed.context().unwrap();
    assert_eq!(
        (context.customer.id.as_str(), context.service.id.as_str()),
        ("c2", "azure")
    );
    assert_eq!(context.escalation, None);
    // Back leads where the request is reached from: the self-help.
    assert_eq!(resumed.after(Step::Back).screen, Screen::SelfHelp);
    // Only from home.
    let elsewhere = walk([Step::OpenPartnerCenterRequest]);
    assert_eq!(
        elsewhere.after(Step::ResumeCustomerRequest(subject("c2", None))),
        elsewhere
    );
}

#[test]
fn a_kept_escalated_draft_resumes_with_the_guides_decision() {
    let escalated = walk([
        Step::OpenEscalationGuide,
        Step::PickCustomer(customer("c1")),
        Step::PickService(service("azure")),
        Step::Guide(GuideAnswer::HealthChecked),
        Step::Guide(GuideAnswer::ToggleTroubleshooting(
            TroubleshootingStep::Settings,
        )),
        Step::Guide(GuideAnswer::TroubleshootingDone),
        Step::Guide(GuideAnswer::Reason(EscalationReason::UnavailableService)),
    ]);
    assert_eq!(escalated.screen, Screen::CustomerRequest);
    let decided = escalated.context().unwrap().escalation;
    assert!(decided.is_some());

    let resumed =
        Journey::default().after(Step::ResumeCustomerRequest(subject("c1", decided.clone())));
    assert_eq!(resumed.screen, Screen::CustomerRequest);
    assert!(resumed.escalating);
    assert_eq!(resumed.context().unwrap().escalation, decided);
    // Back leads to the question that decided it.
    let back = resumed.after(Step::Back);
    assert_eq!(back.screen, Screen::Escalation);
    assert_eq!(back.guide.step, GuideStep::CategoryGate);

    // A decision the guide cannot have written resumes without one.
    let edited = Escalation {
        reason: "urgent".into(),
        ..decided.unwrap()
    };
    let resumed =
        Journey::default().after(Step::ResumeCustomerRequest(subject("c1", Some(edited))));
    assert!(!resumed.escalating);
    assert_eq!(resumed.context().unwrap().escalation, None);
}

#[test]
fn solved_ends_the_flow_and_home_starts_afresh() {
    let solved = walk([
        Step::OpenCustomerRequest,
        Step::PickCustomer(customer("c1")),
        Step::PickService(service("azure")),
        Step::Solved,
    ]);
    assert_eq!(solved.screen, Screen::Solved);
    let afresh = Journey {
        visit: solved.visit,
        restarts: 1,
        ..Journey::default()
    };
    assert_eq!(solved.after(Step::Home), afresh, "but for the visits");
    // A mis-click is undone with Back, the customer and service kept.
    let back = solved.after(Step::Back);
    assert_eq!(back.screen, Screen::SelfHelp);
    assert_eq!(back.customer, Some(customer("c1")));
    assert_eq!(back.service, Some(service("azure")));
}

#[test]
fn starting_again_keeps_only_the_customer_the_page_gave() {
    let page = Journey {
        customer: Some(customer("c1")),
        page_customer: Some(customer("c1")),
        ..Journey::default()
    };
    // The partner picks another customer, and finds it solved.
    let solved = [
        Step::OpenCustomerRequest,
        Step::PickCustomer(customer("c2")),
        Step::PickService(service("azure")),
        Step::Solved,
    ]
    .into_iter()
    .fold(page.clone(), |journey, step| journey.after(step));
    assert_eq!(solved.customer, Some(customer("c2")));
    let again = solved.after(Step::Home);
    assert_eq!(again.screen, Screen::Home);
    assert_eq!(again.customer, Some(customer("c1")));
    assert_eq!(again.service, None);
    assert_eq!(again.restarts, 1);
    // Home from anywhere else is no new start.
    assert_eq!(
        page.after(Step::OpenCustomerRequest)
            .after(Step::Home)
            .restarts,
        0
    );
}

#[test]
fn the_page_prefilling_another_customer_is_as_if_the_partner_picked_it() {
    let escalating = guide_answered([GuideAnswer::HealthChecked]);
    assert_eq!(escalating.screen, Screen::Escalation);
    // The page prefills the customer it already has: nothing changes.
    let same = escalating.with_page_customer(customer("c1"));
    assert_eq!(same.page_customer, Some(customer("c1")));
    assert_eq!(
        Journey {
            page_customer: None,
            ..same
        },
        escalating
    );
    // Another customer: its services, chosen afresh, still escalating.
    let other = escalating.with_page_customer(customer("c2"));
    assert_eq!(other.screen, Screen::ServiceChoice);
    assert_eq!(other.customer, Some(customer("c2")));
    assert_eq!(other.service, None);
    assert_eq!(other.guide, Guide::default());
    assert!(other.escalating);
    let request = walk([
        Step::OpenCustomerRequest,
        Step::PickCustomer(customer("c1")),
        Step::PickService(service("azure")),
        Step::StillNeedsHelp,
        Step::OpenEscalationGuide,
    ]);
    assert!(request.guide_from_request);
    let other = request.with_page_customer(customer("c2"));
    assert_eq!(other.screen, Screen::ServiceChoice);
    assert!(!other.guide_from_request);
    // A status opened from the request goes back to the new customer's
    // services; screens about no customer stay where they are.
    let status = walk([
        Step::OpenCustomerRequest,
        Step::PickCustomer(customer("c1")),
        Step::PickService(service("azure")),
        Step::StillNeedsHelp,
        Step::ViewStatus("r1".into()),
    ]);
    let other = status.with_page_customer(customer("c2"));
    assert_eq!(other.screen, Screen::RequestStatus);
    assert_eq!(other.after(Step::Back).screen, Screen::ServiceChoice);
    // The page's customer again, after the partner picked another: the
    // partner's pick stays.
    let picked = Journey::default()
        .with_page_customer(customer("c1"))
        .after(Step::OpenCustomerRequest)
        .after(Step::PickCustomer(customer("c3")))
        .after(Step::PickService(service("azure")));
    assert_eq!(picked.with_page_customer(customer("c1")), picked);
    let home = Journey::default().with_page_customer(customer("c2"));
    assert_eq!(home.screen, Screen::Home);
    assert_eq!(home.customer, Some(customer("c2")));
    let search = walk([Step::OpenEscalationGuide]).with_page_customer(customer("c2"));
    assert_eq!(search.screen, Screen::CustomerSearch);
}

#[test]
fn back_retraces_the_steps_and_keeps_the_choices() {
    let request = walk([
        Step::OpenCustomerRequest,
        Step::PickCustomer(customer("c1")),
        Step::PickService(service("azure")),
        Step::StillNeedsHelp,
    ]);
    let self_help = request.after(Step::Back);
    assert_eq!(self_help.screen, Screen::SelfHelp);
    let services = self_help.after(Step::Back);
    assert_eq!(services.screen, Screen::ServiceChoice);
    let search = services.after(Step::Back);
    assert_eq!(search.screen, Screen::CustomerSearch);
    assert_eq!(search.after(Step::Back).screen, Screen::Home);
    assert_eq!(
        search.customer,
        Some(customer("c1")),
        "the choices survive going back"
    );
    assert_eq!(search.service, Some(service("azure")));
}

#[test]
fn picking_another_customer_forgets_the_service_but_the_same_one_keeps_it() {
    let at_search = walk([
        Step::OpenCustomerRequest,
        Step::PickCustomer(customer("c1")),
        Step::PickService(service("azure")),
        Step::Back,
        Step::Back,
    ]);
    let same = at_search.after(Step::PickCustomer(customer("c1")));
    assert_eq!(same.service, Some(service("azure")));
    let other = at_search.after(Step::PickCustomer(customer("c2")));
    assert_eq!(other.service, None);
    assert_eq!(other.screen, Screen::ServiceChoice);
}

#[test]
fn steps_out_of_place_change_nothing() {
    let home = Journey::default();
    assert_eq!(home.after(Step::StillNeedsHelp), home);
    assert_eq!(home.after(Step::PickService(service("azure"))), home);
    let search = home.after(Step::OpenCustomerRequest);
    assert_eq!(search.after(Step::PickService(service("azure"))), search);
    assert_eq!(search.after(Step::OpenPartnerCenterRequest), search);
}

#[test]
fn the_partner_center_request_is_one_step_from_home_and_back() {
    let request = walk([Step::OpenPartnerCenterRequest]);
    assert_eq!(request.screen, Screen::PartnerCenterRequest);
    assert_eq!(request.after(Step::Back).screen, Screen::Home);
}

fn escalate_to_the_guide() -> Journey {
    walk([
        Step::OpenEscalationGuide,
        Step::PickCustomer(customer("c1")),
        Step::PickService(service("azure")),
    ])
}

#[test]
fn escalating_from_home_puts_the_guide_between_the_service_and_the_request() {
    let guide = escalate_to_the_guide();
    assert_eq!(guide.screen, Screen::Escalation);
    let request = [
        GuideAnswer::HealthChecked,
        GuideAnswer::TroubleshootingDone,
        GuideAnswer::Reason(crate::rules::escalation::EscalationReason::UnavailableService),
    ]
    .into_iter()
    .fold(guide, |journey, answer| journey.after(Step::Guide(answer)));
    assert_eq!(request.screen, Screen::CustomerRequest);
    let escalation = request.context().unwrap().escalation.unwrap();
    assert_eq!(escalation.reason, "unavailable_service");

    let back = request.after(Step::Back);
    assert_eq!(back.screen, Screen::Escalation);
    assert_eq!(back.guide.step, GuideStep::CategoryGate);
    assert_eq!(
        back.context().unwrap().escalation,
        None,
        "not decided any more"
    );
}

#[test]
fn another_request_after_an_escalation_is_checked_by_the_guide_anew() {
    let escalated = escalated_for(EscalationReason::UnavailableService);
    let another = escalated.after(Step::AnotherRequest);
    assert_eq!(another.screen, Screen::CustomerRequest);
    let context = another.context().unwrap();
    assert_eq!(
        (context.customer.id.as_str(), context.service.id.as_str()),
        ("c1", "azure")
    );
    assert_eq!(context.escalation, None, "the filed request's decision");
    assert_eq!(another.visit, escalated.visit);
    // The guide is offered again, from its start.
    let guide = another.after(Step::OpenEscalationGuide);
    assert_eq!(guide.screen, Screen::Escalation);
    assert_eq!(guide.guide, Guide::default());
    // Anywhere else it means nothing.
    let home = Journey::default();
    assert_eq!(home.after(Step::AnotherRequest), home);
}

/// The guide from its start, after `answers`.
fn guide_answered(answers: impl IntoIterator<Item = GuideAnswer>) -> Journey {
    answers
        .into_iter()
        .fold(escalate_to_the_guide(), |journey, answer| {
            journey.after(Step::Guide(answer))
        })
}

/// Through the guide to the request, escalated for `reason`.
fn escalated_for(reason: EscalationReason) -> Journey {
    guide_answered([
        GuideAnswer::HealthChecked,
        GuideAnswer::TroubleshootingDone,
        GuideAnswer::Reason(reason),
    ])
}

#[test]
fn a_finished_guide_found_again_shows_its_last_question() {
    for (reason, last) in [
        (
            Some(EscalationReason::UnavailableService),
            GuideStep::CategoryGate,
        ),
        (None, GuideStep::PartnerDuties),
    ] {
        let finished = match reason {
            Some(reason) => escalated_for(reason),
            None => guide_answered([
                GuideAnswer::HealthChecked,
                GuideAnswer::TroubleshootingDone,
                GuideAnswer::NoneOfThese,
                GuideAnswer::AcknowledgeDuties,
            ]),
        };
        assert_eq!(finished.screen, Screen::CustomerRequest);
        // Home, then the same customer and service: the guide kept its
        // answers, and shows the question that ended it.
        let again = [
            Step::Home,
            Step::OpenEscalationGuide,
            Step::PickCustomer(customer("c1")),
            Step::PickService(service("azure")),
        ]
        .into_iter()
        .fold(finished, |journey, step| journey.after(step));
        assert_eq!((again.screen, again.guide.step), (Screen::Escalation, last));
        assert_eq!(again.guide.reason, reason);
        assert!(again.guide.health_checked);
    }
}

#[test]
fn back_from_a_filed_request_skips_its_guide_to_the_services() {
    let escalated = escalated_for(EscalationReason::RegionalMultiTenantIssue);
    let services = escalated.after(Step::BackFromFiled);
    assert_eq!(services.screen, Screen::ServiceChoice);
    assert_eq!(services.customer, escalated.customer);
    assert_eq!(services.guide, Guide::default(), "the filed request's");
    let again = services.after(Step::PickService(service("azure")));
    assert_eq!(
        (again.screen, again.guide.step),
        (Screen::Escalation, GuideStep::ServiceHealth)
    );
    // Anywhere else it means nothing.
    let home = Journey::default();
    assert_eq!(home.after(Step::BackFromFiled), home);
}

#[test]
fn back_from_the_guide_start_returns_to_the_services() {
    let guide = escalate_to_the_guide();
    let services = guide.after(Step::Back);
    assert_eq!(services.screen, Screen::ServiceChoice);
    let again = services.after(Step::PickService(service("azure")));
    assert_eq!(again.screen, Screen::Escalation, "still escalating");
}

#[test]
fn a_known_incident_ends_and_home_starts_afresh() {
    let incident =
        escalate_to_the_guide().after(Step::Guide(GuideAnswer::KnownIncident("INC-1".into())));
    assert_eq!(incident.screen, Screen::Escalation);
    assert_eq!(incident.context().unwrap().escalation, None);
    let afresh = Journey {
        visit: incident.visit,
        restarts: 1,
        ..Journey::default()
    };
    assert_eq!(incident.after(Step::Home), afresh, "but for the visits");
}

#[test]
fn supporting_it_oneself_ends_the_guide_and_home_starts_afresh() {
    let duties = guide_answered([
        GuideAnswer::HealthChecked,
        GuideAnswer::TroubleshootingDone,
        GuideAnswer::NoneOfThese,
    ]);
    assert_eq!(duties.guide.step, GuideStep::PartnerDuties);
    let own = duties.after(Step::Guide(GuideAnswer::SupportItMyself));
    assert_eq!(own.screen, Screen::Escalation);
    assert_eq!(own.guide.step, GuideStep::OwnSupport);
    assert_eq!(own.context().unwrap().escalation, None);
    // Back to the duties, to think again.
    assert_eq!(own.after(Step::Back).guide.step, GuideStep::PartnerDuties);
    let afresh = Journey {
        visit: own.visit,
        restarts: 1,
        ..Journey::default()
    };
    assert_eq!(own.after(Step::Home), afresh, "but for the visits");
}

#[test]
fn another_service_starts_the_guide_over() {
    let checked = escalate_to_the_guide().after(Step::Guide(GuideAnswer::HealthChecked));
    let at_services = checked.after(Step::Back).after(Step::Back);
    assert_eq!(at_services.screen, Screen::ServiceChoice);
    let other = at_services.after(Step::PickService(service("office")));
    assert_eq!(other.guide, Guide::default());
    let same = at_services.after(Step::PickService(service("azure")));
    assert!(same.guide.health_checked);
}

#[test]
fn the_customer_request_offers_the_guide_and_the_plain_flow_has_none() {
    let request = walk([
        Step::OpenCustomerRequest,
        Step::PickCustomer(customer("c1")),
        Step::PickService(service("azure")),
        Step::StillNeedsHelp,
    ]);
    assert_eq!(request.context().unwrap().escalation, None);
    let guide = request.after(Step::OpenEscalationGuide);
    assert_eq!(guide.screen, Screen::Escalation);
    assert!(guide.escalating);
    assert_eq!(
        guide.after(Step::OpenEscalationGuide),
        guide,
        "only from the request"
    );
    // Back from its first question returns to the request it was opened
    // from, not escalated; a step further in, Back walks the guide.
    let back = guide.after(Step::Back);
    assert_eq!(back.screen, Screen::CustomerRequest);
    assert!(!back.escalating);
    assert_eq!(back.context().unwrap().escalation, None);
    assert_eq!(back.after(Step::Back).screen, Screen::SelfHelp);
    let checked = guide.after(Step::Guide(GuideAnswer::HealthChecked));
    let walked = checked.after(Step::Back);
    assert_eq!(walked.screen, Screen::Escalation);
    assert_eq!(walked.guide.step, GuideStep::ServiceHealth);
    // Escalating from home, the first question's Back is the services.
    let from_home = walk([
        Step::OpenEscalationGuide,
        Step::PickCustomer(customer("c1")),
        Step::PickService(service("azure")),
    ]);
    assert_eq!(from_home.after(Step::Back).screen, Screen::ServiceChoice);
    // Opened from a request, then home and escalating from there: the
    // services again.
    let again = guide.after(Step::Home).after(Step::OpenEscalationGuide);
    assert!(!again.guide_from_request);
}

#[test]
fn a_status_goes_back_where_it_was_opened() {
    let filed = walk([Step::OpenFiledRequests]);
    assert_eq!(filed.screen, Screen::FiledRequests);
    let status = filed.after(Step::ViewStatus("r1".into()));
    assert_eq!(status.screen, Screen::RequestStatus);
    assert_eq!(status.status_of.as_deref(), Some("r1"));
    let back = status.after(Step::Back);
    assert_eq!(back.screen, Screen::FiledRequests);
    // The list knows which request the user comes back from.
    assert_eq!(back.status_of.as_deref(), Some("r1"));
    // Opened from home again, it names none.
    let again = back.after(Step::Home).after(Step::OpenFiledRequests);
    assert_eq!(again.status_of, None);

    let from_confirmation = walk([
        Step::OpenPartnerCenterRequest,
        Step::ViewStatus("r2".into()),
    ]);
    assert_eq!(
        from_confirmation.after(Step::Back).screen,
        Screen::PartnerCenterRequest
    );
}
