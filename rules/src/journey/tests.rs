use support_contract::Escalation;

use super::*;
use crate::drafts::DraftSubject;
use crate::escalation::{EscalationReason, TroubleshootingStep};

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
        related_request: None,
    }
}

fn walk(steps: impl IntoIterator<Item = Step>) -> Journey {
    steps
        .into_iter()
        .fold(Journey::default(), |journey, step| journey.after(step))
}

/// The one path from home to the guide's first question: the customer,
/// the service, and the admin center, which did not solve it.
fn to_the_guide() -> Journey {
    back_to_the_guide(Journey::default())
}

/// `journey`, then home and the one path to the guide again, for the same
/// customer and service.
fn back_to_the_guide(journey: Journey) -> Journey {
    [
        Step::Home,
        Step::OpenCustomerRequest,
        Step::PickCustomer(customer("c1")),
        Step::PickService(service("azure")),
        Step::StillNeedsHelp,
    ]
    .into_iter()
    .fold(journey, |journey, step| journey.after(step))
}

/// The guide from its start, after `answers`.
fn guide_answered(answers: impl IntoIterator<Item = GuideAnswer>) -> Journey {
    answers.into_iter().fold(to_the_guide(), |journey, answer| {
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

/// Through the guide to the request: none of the five, and the partner
/// lacks the means to solve it.
fn escalated_for_want_of_means() -> Journey {
    guide_answered([
        GuideAnswer::HealthChecked,
        GuideAnswer::TroubleshootingDone,
        GuideAnswer::NoneOfThese,
        GuideAnswer::LackTrainingDocumentationTools,
        GuideAnswer::FileEscalation,
    ])
}

#[test]
fn each_flow_left_home_for_is_a_visit_of_its_own() {
    let filed = escalated_for(EscalationReason::UnavailableService);
    assert_eq!(filed.visit, 1);
    // Its status and back, or back and on again, is the same visit.
    let from_status = filed.after(Step::ViewStatus("r1".into())).after(Step::Back);
    assert_eq!(
        (from_status.screen, from_status.visit),
        (Screen::CustomerRequest, 1)
    );
    let other_service = filed
        .after(Step::BackFromFiled)
        .after(Step::PickService(service("office365")))
        .after(Step::StillNeedsHelp);
    assert_eq!(
        (other_service.screen, other_service.visit),
        (Screen::Escalation, 1)
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
fn the_one_path_goes_search_service_admin_center_guide_request() {
    let guide = to_the_guide();
    assert_eq!(
        (guide.screen, guide.guide.step),
        (Screen::Escalation, GuideStep::ServiceHealth)
    );
    assert_eq!(guide.context().unwrap().escalation, None, "not decided yet");
    let request = escalated_for(EscalationReason::UnavailableService);
    assert_eq!(request.screen, Screen::CustomerRequest);
    let context = request.context().unwrap();
    assert_eq!(context.customer.id, "c1");
    assert_eq!(context.service.id, "azure");
    assert_eq!(context.escalation.unwrap().reason, "unavailable_service");
}

#[test]
fn a_kept_draft_without_a_decision_resumes_in_the_guide() {
    let elsewhere = walk([
        Step::OpenCustomerRequest,
        Step::PickCustomer(customer("c1")),
        Step::Home,
    ]);
    let resumed = elsewhere.after(Step::ResumeCustomerRequest(subject("c2", None)));
    assert_eq!(
        (resumed.screen, resumed.guide.step),
        (Screen::Escalation, GuideStep::ServiceHealth)
    );
    let context = resumed.context().unwrap();
    assert_eq!(
        (context.customer.id.as_str(), context.service.id.as_str()),
        ("c2", "azure")
    );
    assert_eq!(context.escalation, None);
    // Back leads where the guide is reached from: the admin center.
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
    let escalated = guide_answered([
        GuideAnswer::HealthChecked,
        GuideAnswer::ToggleTroubleshooting(TroubleshootingStep::Settings),
        GuideAnswer::TroubleshootingDone,
        GuideAnswer::Reason(EscalationReason::UnavailableService),
    ]);
    assert_eq!(escalated.screen, Screen::CustomerRequest);
    let decided = escalated.context().unwrap().escalation;
    assert!(decided.is_some());

    let resumed =
        Journey::default().after(Step::ResumeCustomerRequest(subject("c1", decided.clone())));
    assert_eq!(resumed.screen, Screen::CustomerRequest);
    assert_eq!(resumed.context().unwrap().escalation, decided);
    // Back leads to the question that decided it.
    let back = resumed.after(Step::Back);
    assert_eq!(back.screen, Screen::Escalation);
    assert_eq!(back.guide.step, GuideStep::CategoryGate);

    // A decision the guide cannot have written (an earlier version's
    // "none", say) goes through the guide again.
    for reason in ["urgent", "none"] {
        let edited = Escalation {
            reason: reason.into(),
            ..decided.clone().unwrap()
        };
        let resumed =
            Journey::default().after(Step::ResumeCustomerRequest(subject("c1", Some(edited))));
        assert_eq!(resumed.screen, Screen::Escalation, "{reason}");
        assert_eq!(resumed.context().unwrap().escalation, None);
    }
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
    let request = escalated_for(EscalationReason::BugOrIrregularity);
    let other = request.with_page_customer(customer("c2"));
    assert_eq!(other.screen, Screen::ServiceChoice);
    assert_eq!(other.context(), None);
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
    let search = walk([Step::OpenCustomerRequest]).with_page_customer(customer("c2"));
    assert_eq!(search.screen, Screen::CustomerSearch);
}

#[test]
fn back_retraces_the_steps_and_keeps_the_choices() {
    let request = escalated_for(EscalationReason::BugOrIrregularity);
    let mut back = request.clone();
    for step in [
        GuideStep::CategoryGate,
        GuideStep::Troubleshoot,
        GuideStep::ServiceHealth,
    ] {
        back = back.after(Step::Back);
        assert_eq!((back.screen, back.guide.step), (Screen::Escalation, step));
    }
    let self_help = back.after(Step::Back);
    assert_eq!(self_help.screen, Screen::SelfHelp);
    // On again, each question is answered as it was.
    let again = self_help.after(Step::StillNeedsHelp);
    assert_eq!(again.screen, Screen::Escalation);
    assert!(again.guide.health_checked);
    assert_eq!(
        again.guide.reason,
        Some(EscalationReason::BugOrIrregularity)
    );
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

#[test]
fn the_guide_stands_between_the_admin_center_and_the_request() {
    let request = escalated_for(EscalationReason::UnavailableService);
    let back = request.after(Step::Back);
    assert_eq!(back.screen, Screen::Escalation);
    assert_eq!(back.guide.step, GuideStep::CategoryGate);
    assert_eq!(
        back.context().unwrap().escalation,
        None,
        "not decided any more"
    );
    // The admin center is not skipped, nor the guide.
    let at_services = walk([
        Step::OpenCustomerRequest,
        Step::PickCustomer(customer("c1")),
        Step::PickService(service("azure")),
    ]);
    assert_eq!(at_services.screen, Screen::SelfHelp);
    assert_eq!(
        at_services.after(Step::Guide(GuideAnswer::HealthChecked)),
        at_services
    );
}

#[test]
fn lacking_the_means_files_after_the_warning_with_its_reason() {
    let warned = guide_answered([
        GuideAnswer::HealthChecked,
        GuideAnswer::TroubleshootingDone,
        GuideAnswer::NoneOfThese,
        GuideAnswer::LackTrainingDocumentationTools,
    ]);
    assert_eq!(
        (warned.screen, warned.guide.step),
        (Screen::Escalation, GuideStep::Remediation)
    );
    assert_eq!(warned.context().unwrap().escalation, None);
    let request = escalated_for_want_of_means();
    assert_eq!(request.screen, Screen::CustomerRequest);
    assert_eq!(
        request.context().unwrap().escalation.unwrap().reason,
        "lacks_training_documentation_tools"
    );
    let back = request.after(Step::Back);
    assert_eq!(
        (back.screen, back.guide.step),
        (Screen::Escalation, GuideStep::Remediation)
    );
}

#[test]
fn another_request_after_an_escalation_goes_the_path_anew() {
    let escalated = escalated_for(EscalationReason::UnavailableService);
    let another = escalated.after(Step::AnotherRequest);
    assert_eq!(another.screen, Screen::SelfHelp);
    assert_eq!(another.customer, escalated.customer);
    assert_eq!(another.service, escalated.service);
    assert_eq!(
        another.guide,
        Guide::default(),
        "the filed request's answers"
    );
    assert_eq!(another.visit, escalated.visit);
    let guide = another.after(Step::StillNeedsHelp);
    assert_eq!(
        (guide.screen, guide.guide.step),
        (Screen::Escalation, GuideStep::ServiceHealth)
    );
    // Anywhere else it means nothing.
    let home = Journey::default();
    assert_eq!(home.after(Step::AnotherRequest), home);
}

#[test]
fn a_finished_guide_found_again_shows_its_last_question() {
    for (finished, last) in [
        (
            escalated_for(EscalationReason::UnavailableService),
            GuideStep::CategoryGate,
        ),
        (escalated_for_want_of_means(), GuideStep::Remediation),
    ] {
        assert_eq!(finished.screen, Screen::CustomerRequest);
        let reason = finished.guide.reason;
        // Home, then the same customer and service: the guide kept its
        // answers, and shows the question that ended it.
        let again = back_to_the_guide(finished);
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
    let again = services
        .after(Step::PickService(service("azure")))
        .after(Step::StillNeedsHelp);
    assert_eq!(
        (again.screen, again.guide.step),
        (Screen::Escalation, GuideStep::ServiceHealth)
    );
    // Anywhere else it means nothing.
    let home = Journey::default();
    assert_eq!(home.after(Step::BackFromFiled), home);
}

#[test]
fn back_from_the_guide_start_returns_to_the_admin_center() {
    let guide = to_the_guide();
    let self_help = guide.after(Step::Back);
    assert_eq!(self_help.screen, Screen::SelfHelp);
    let again = self_help.after(Step::StillNeedsHelp);
    assert_eq!(again.screen, Screen::Escalation);
}

#[test]
fn a_known_incident_ends_and_home_starts_afresh() {
    let incident = to_the_guide().after(Step::Guide(GuideAnswer::KnownIncident("INC-1".into())));
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
    let checked = to_the_guide().after(Step::Guide(GuideAnswer::HealthChecked));
    let at_services = checked
        .after(Step::Back)
        .after(Step::Back)
        .after(Step::Back);
    assert_eq!(at_services.screen, Screen::ServiceChoice);
    let other = at_services.after(Step::PickService(service("office")));
    assert_eq!(other.guide, Guide::default());
    let same = at_services.after(Step::PickService(service("azure")));
    assert!(same.guide.health_checked);
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

#[test]
fn a_path_part_walked_is_kept_for_a_reload_with_each_answer() {
    let on_the_way = [
        walk([
            Step::OpenCustomerRequest,
            Step::PickCustomer(customer("c1")),
        ]),
        walk([
            Step::OpenCustomerRequest,
            Step::PickCustomer(customer("c1")),
            Step::PickService(service("azure")),
        ]),
        to_the_guide(),
        guide_answered([GuideAnswer::KnownIncident("INC-7".into())]),
        guide_answered([
            GuideAnswer::HealthNotShown,
            GuideAnswer::ToggleTroubleshooting(TroubleshootingStep::Configuration),
            GuideAnswer::ToggleTroubleshooting(TroubleshootingStep::Software),
            GuideAnswer::TroubleshootingDone,
        ]),
        guide_answered([
            GuideAnswer::HealthChecked,
            GuideAnswer::TroubleshootingDone,
            GuideAnswer::NoneOfThese,
            GuideAnswer::LackTrainingDocumentationTools,
        ]),
        escalated_for(EscalationReason::LargeScaleNetworkDisruption).after(Step::Back),
    ];
    for journey in on_the_way {
        let kept = journey.saved().expect("kept");
        let restored = Journey::restored(&kept).expect("restored");
        let expected = Journey {
            screen: journey.screen,
            customer: journey.customer.clone(),
            service: journey.service.clone(),
            guide: journey.guide.clone(),
            ..Journey::default()
        };
        assert_eq!(restored, expected, "{kept}");
    }
}

#[test]
fn nothing_is_kept_off_the_path_or_at_the_form() {
    let elsewhere = [
        Journey::default(),
        walk([Step::OpenCustomerRequest]),
        walk([Step::OpenPartnerCenterRequest]),
        walk([Step::OpenFiledRequests]),
        // The form keeps its own draft, which home offers to continue.
        escalated_for(EscalationReason::UnavailableService),
    ];
    for journey in elsewhere {
        assert_eq!(journey.saved(), None, "{:?}", journey.screen);
    }
}

#[test]
fn a_kept_path_that_cannot_be_read_brings_back_nothing() {
    let kept = to_the_guide().saved().unwrap();
    let broken = [
        "not json".to_owned(),
        String::new(),
        kept.replace(r#""version":1"#, r#""version":2"#),
        kept.replace(r#""screen":"escalation""#, r#""screen":"customer_request""#),
        kept.replace(r#""step":"service_health""#, r#""step":"somewhere""#),
        kept.replace(
            r#""troubleshooting":[]"#,
            r#""troubleshooting":["restart"]"#,
        ),
        kept.replace(
            r#""health_checked":false"#,
            r#""health_checked":false,"reason":"none""#,
        ),
    ];
    for text in broken {
        assert_ne!(text, kept, "each breaks the kept path");
        assert_eq!(Journey::restored(&text), None, "{text}");
    }
    // A screen that needs a service, without one.
    let no_service = walk([
        Step::OpenCustomerRequest,
        Step::PickCustomer(customer("c1")),
    ])
    .saved()
    .unwrap()
    .replace(r#""screen":"service_choice""#, r#""screen":"self_help""#);
    assert_eq!(Journey::restored(&no_service), None);
}

#[test]
fn a_filed_request_takes_the_guides_answers_with_it() {
    let filed = |journey: &Journey, customer: &str, service: &str| {
        journey.after(Step::RequestFiled {
            customer: customer.into(),
            service: service.into(),
        })
    };
    let request = escalated_for(EscalationReason::UnavailableService);
    let after = filed(&request, "c1", "azure");
    assert_eq!(
        after.screen,
        Screen::CustomerRequest,
        "the confirmation stays"
    );
    assert_eq!(after.guide, Guide::default());
    // Home, then the same customer and service: a new problem, checked
    // from the start.
    let again = back_to_the_guide(after);
    assert_eq!(again.guide.step, GuideStep::ServiceHealth);
    // Filed for another customer or service (a retry that landed after the
    // partner moved on): the answers on screen are another matter.
    assert_eq!(filed(&request, "c2", "azure"), request);
    assert_eq!(filed(&request, "c1", "office365"), request);
    // The partner already in the guide for it again keeps answering.
    let answering = to_the_guide().after(Step::Guide(GuideAnswer::HealthChecked));
    assert_eq!(filed(&answering, "c1", "azure"), answering);
}

/// A customer's message opened from the inbox.
fn at_a_message() -> Journey {
    walk([Step::OpenInbox, Step::ViewStatus("m-1".into())])
}

fn escalate(customer: Option<Customer>, service: Option<Service>) -> Step {
    Step::Escalate {
        message: Escalating {
            id: "m-1".into(),
            ..Escalating::default()
        },
        customer,
        service,
    }
}

#[test]
fn back_from_a_linked_request_returns_to_the_one_it_was_opened_from() {
    // The message, its escalation (from the message's note), then Back.
    let escalation = at_a_message().after(Step::ViewStatus("e-1".into()));
    assert_eq!(escalation.status_of.as_deref(), Some("e-1"));
    let back = escalation.after(Step::Back);
    assert_eq!(back.screen, Screen::RequestStatus);
    assert_eq!(back.status_of.as_deref(), Some("m-1"));
    // ...and from there to the inbox, where the message was opened.
    let inbox = back.after(Step::Back);
    assert_eq!(inbox.screen, Screen::Inbox);
    assert_eq!(inbox.status_of.as_deref(), Some("m-1"));

    // From a confirmation, its status, then the message it began as: Back
    // leads to the status, then to the confirmation.
    let message = walk([
        Step::OpenPartnerCenterRequest,
        Step::ViewStatus("e-2".into()),
        Step::ViewStatus("m-2".into()),
    ]);
    let status = message.after(Step::Back);
    assert_eq!(status.status_of.as_deref(), Some("e-2"));
    assert_eq!(
        status.after(Step::Back).screen,
        Screen::PartnerCenterRequest
    );
}

#[test]
fn a_message_opens_from_the_inbox_and_back_leads_there() {
    let message = at_a_message();
    assert_eq!(message.screen, Screen::RequestStatus);
    assert_eq!(message.status_of.as_deref(), Some("m-1"));
    assert_eq!(message.after(Step::Back).screen, Screen::Inbox);
    assert_eq!(
        message.after(Step::Back).after(Step::Back).screen,
        Screen::Home
    );
}

#[test]
fn escalating_a_message_enters_the_one_path_with_its_customer_and_service_chosen() {
    let escalating = at_a_message().after(escalate(Some(customer("c1")), Some(service("azure"))));
    assert_eq!(
        escalating.screen,
        Screen::SelfHelp,
        "the admin center first"
    );
    assert_eq!(escalating.guide, Guide::default());
    // Through the guide, as by hand, to a request that names the message.
    let filing = [
        Step::StillNeedsHelp,
        Step::Guide(GuideAnswer::HealthChecked),
        Step::Guide(GuideAnswer::TroubleshootingDone),
        Step::Guide(GuideAnswer::Reason(EscalationReason::UnavailableService)),
    ]
    .into_iter()
    .fold(escalating, |journey, step| journey.after(step));
    assert_eq!(filing.screen, Screen::CustomerRequest);
    let context = filing.context().unwrap();
    assert_eq!(context.related_request.as_deref(), Some("m-1"));
    assert_eq!(context.customer.id, "c1");
    assert!(context.escalation.is_some());
    // Filed, it leads back to the message, and a request after it names none.
    let filed = filing.after(Step::RequestFiled {
        customer: "c1".into(),
        service: "azure".into(),
    });
    let back = filed.after(Step::BackToMessage);
    assert_eq!(back.screen, Screen::RequestStatus);
    assert_eq!(back.status_of.as_deref(), Some("m-1"));
    assert_eq!(back.escalating, None);
    assert_eq!(back.after(Step::Back).screen, Screen::Inbox);
    let another = filed.after(Step::AnotherRequest);
    assert_eq!(another.context().unwrap().related_request, None);
}

#[test]
fn a_message_without_a_known_customer_or_service_has_them_chosen_on_the_way() {
    let no_service = at_a_message().after(escalate(Some(customer("c1")), None));
    assert_eq!(no_service.screen, Screen::ServiceChoice);
    let nobody = at_a_message().after(escalate(None, Some(service("azure"))));
    assert_eq!(nobody.screen, Screen::CustomerSearch);
    assert_eq!(nobody.service, None, "a service without its customer");
    assert!(nobody.escalating.is_some());
}

#[test]
fn a_guide_that_escalates_nothing_leads_back_to_the_message() {
    let escalating = at_a_message().after(escalate(Some(customer("c1")), Some(service("azure"))));
    let incident = [
        Step::StillNeedsHelp,
        Step::Guide(GuideAnswer::KnownIncident("INC-1".into())),
    ]
    .into_iter()
    .fold(escalating, |journey, step| journey.after(step));
    assert_eq!(incident.guide.step, GuideStep::KnownIncident);
    let back = incident.after(Step::BackToMessage);
    assert_eq!(back.screen, Screen::RequestStatus);
    assert_eq!(back.status_of.as_deref(), Some("m-1"));
    // Home instead ends the escalation, and starts nothing afresh.
    let home = incident.after(Step::Home);
    assert_eq!(home.screen, Screen::Home);
    assert_eq!(home.escalating, None);
    assert_eq!(home.restarts, incident.restarts);
}

#[test]
fn escalating_is_only_from_a_message_and_back_to_it_only_while_escalating() {
    let home = Journey::default();
    assert_eq!(home.after(escalate(Some(customer("c1")), None)), home);
    let guide = to_the_guide();
    assert_eq!(guide.after(Step::BackToMessage), guide);
}

#[test]
fn back_from_an_escalations_first_screen_or_its_filed_request_is_back_to_the_message() {
    for (customer, service) in [
        (None, None),
        (Some(customer("c1")), None),
        (Some(customer("c1")), Some(service("azure"))),
    ] {
        let first = at_a_message().after(escalate(customer, service));
        let back = first.after(Step::Back);
        assert_eq!(
            back.screen,
            Screen::RequestStatus,
            "from {:?}",
            first.screen
        );
        assert_eq!(back.status_of.as_deref(), Some("m-1"));
        assert_eq!(back.escalating, None);
    }
    // From a later screen, Back goes as by hand.
    let services = at_a_message()
        .after(escalate(Some(customer("c1")), None))
        .after(Step::PickService(service("azure")));
    assert_eq!(services.after(Step::Back).screen, Screen::ServiceChoice);
    let filed = [
        Step::StillNeedsHelp,
        Step::Guide(GuideAnswer::HealthChecked),
        Step::Guide(GuideAnswer::TroubleshootingDone),
        Step::Guide(GuideAnswer::Reason(EscalationReason::UnavailableService)),
        Step::RequestFiled {
            customer: "c1".into(),
            service: "azure".into(),
        },
    ]
    .into_iter()
    .fold(services, |journey, step| journey.after(step));
    assert_eq!(
        filed.after(Step::BackFromFiled).status_of.as_deref(),
        Some("m-1")
    );
}

#[test]
fn another_customer_from_the_page_ends_an_escalation() {
    let escalating = at_a_message().after(escalate(Some(customer("c1")), None));
    let other = escalating.with_page_customer(customer("c2"));
    assert_eq!(other.escalating, None);
    assert_eq!(other.screen, Screen::ServiceChoice);
}

#[test]
fn back_home_from_an_escalation_ends_it_and_a_request_by_hand_names_no_message() {
    let searching = at_a_message().after(escalate(None, None));
    assert_eq!(searching.screen, Screen::CustomerSearch);
    let home = searching.after(Step::Home);
    assert_eq!(home.screen, Screen::Home);
    assert_eq!(home.escalating, None);
    let by_hand = [
        Step::OpenCustomerRequest,
        Step::PickCustomer(customer("c1")),
        Step::PickService(service("azure")),
        Step::StillNeedsHelp,
        Step::Guide(GuideAnswer::HealthChecked),
        Step::Guide(GuideAnswer::TroubleshootingDone),
        Step::Guide(GuideAnswer::Reason(EscalationReason::UnavailableService)),
    ]
    .into_iter()
    .fold(home, |journey, step| journey.after(step));
    assert_eq!(by_hand.screen, Screen::CustomerRequest);
    assert_eq!(by_hand.context().unwrap().related_request, None);
}

#[test]
fn an_escalation_of_a_message_is_kept_across_a_reload() {
    let escalating = at_a_message()
        .after(escalate(Some(customer("c1")), Some(service("azure"))))
        .after(Step::StillNeedsHelp);
    let restored = Journey::restored(&escalating.saved().unwrap()).unwrap();
    assert_eq!(restored.screen, Screen::Escalation);
    // All but the screen it began on, where Back then goes as by hand.
    let kept = Escalating {
        entry: None,
        ..escalating.escalating.clone().unwrap()
    };
    assert_eq!(restored.escalating, Some(kept));
    // A path kept before there were escalations reads as one by hand.
    let by_hand = to_the_guide().saved().unwrap();
    assert_eq!(Journey::restored(&by_hand).unwrap().escalating, None);
}

#[test]
fn a_draft_of_an_escalation_resumed_from_home_still_names_the_message() {
    let kept = DraftSubject {
        related_request: Some("m-1".into()),
        ..subject(
            "c1",
            Some(escalated_for_want_of_means().guide.escalation().unwrap()),
        )
    };
    let resumed = Journey::default().after(Step::ResumeCustomerRequest(kept));
    assert_eq!(resumed.screen, Screen::CustomerRequest);
    assert_eq!(
        resumed.context().unwrap().related_request.as_deref(),
        Some("m-1")
    );
    let back = resumed.after(Step::BackToMessage);
    assert_eq!(back.status_of.as_deref(), Some("m-1"));
    // A draft by hand resumes as one.
    let by_hand = Journey::default().after(Step::ResumeCustomerRequest(subject(
        "c1",
        Some(escalated_for_want_of_means().guide.escalation().unwrap()),
    )));
    assert_eq!(by_hand.context().unwrap().related_request, None);
}

#[test]
fn a_prefilled_customer_the_catalogue_does_not_know_gives_way_to_the_search() {
    // Prefilled, then opened: its services, with nothing else chosen.
    let services = Journey::default()
        .with_page_customer(customer("nope"))
        .after(Step::OpenCustomerRequest)
        .after(Step::PickCustomer(customer("nope")));
    assert_eq!(services.screen, Screen::ServiceChoice);
    let searching = services.without_unknown_customer("nope");
    assert_eq!(searching.screen, Screen::CustomerSearch);
    assert_eq!(searching.customer, None);
    assert_eq!(searching.page_customer, None);
    // From there the partner picks a customer the catalogue knows.
    let picked = searching.after(Step::PickCustomer(customer("c1")));
    assert_eq!(picked.screen, Screen::ServiceChoice);
    assert_eq!(picked.customer, Some(customer("c1")));
    // Further on, its service and the guide's answers go too.
    let guide = services
        .after(Step::PickService(service("azure")))
        .after(Step::StillNeedsHelp);
    let searching = guide.without_unknown_customer("nope");
    assert_eq!(searching.screen, Screen::CustomerSearch);
    assert_eq!(
        (searching.service, searching.guide),
        (None, Guide::default())
    );
    // At home, the customer flow then opens on the search.
    let home = Journey::default().with_page_customer(customer("nope"));
    let home = home.without_unknown_customer("nope");
    assert_eq!(home.screen, Screen::Home);
    assert_eq!(home.customer, None);
    assert_eq!(
        home.after(Step::OpenCustomerRequest).screen,
        Screen::CustomerSearch
    );
}

#[test]
fn an_answer_about_a_customer_the_page_has_since_replaced_changes_nothing() {
    let replaced = Journey::default()
        .with_page_customer(customer("nope"))
        .with_page_customer(customer("c2"));
    assert_eq!(replaced.without_unknown_customer("nope"), replaced);
    // The partner's own pick stays; only the page's customer goes.
    let picked = Journey::default()
        .with_page_customer(customer("nope"))
        .after(Step::OpenCustomerRequest)
        .after(Step::PickCustomer(customer("c3")));
    let checked = picked.without_unknown_customer("nope");
    assert_eq!(checked.page_customer, None);
    assert_eq!(
        Journey {
            page_customer: picked.page_customer.clone(),
            ..checked
        },
        picked
    );
}

#[test]
fn a_request_the_page_opens_shows_its_status_from_wherever_the_user_was() {
    for before in [
        Journey::default(),
        to_the_guide(),
        at_a_message(),
        walk([Step::OpenFiledRequests]),
    ] {
        let opened = before.after(Step::OpenRequest("r-9".into()));
        assert_eq!(opened.screen, Screen::RequestStatus, "{before:?}");
        assert_eq!(opened.status_of.as_deref(), Some("r-9"));
        assert_eq!(opened.opened.as_deref(), Some("r-9"));
        assert_eq!(opened.status_back, None, "no note led to it");
        assert_eq!(opened.escalating, None);
    }
    // From home, as `open` goes there first, it is a visit of its own.
    let from_home = walk([Step::Home, Step::OpenRequest("r-9".into())]);
    assert_eq!(from_home.visit, 1);
}

#[test]
fn back_from_an_opened_request_leads_to_the_list_it_is_in() {
    let opened = walk([Step::OpenRequest("r-9".into())]);
    // A request the user filed, or one not read (yet): their filed
    // requests, which name it.
    let filed = opened.after(Step::BackFromStatus { inbox: None });
    assert_eq!(filed.screen, Screen::FiledRequests);
    assert_eq!(filed.status_of.as_deref(), Some("r-9"));
    assert_eq!(filed.opened, None, "a list is no opened request");
    // A customer's message, to partner staff: the inbox, among the open
    // messages or the resolved ones as it is.
    let open = opened.after(Step::BackFromStatus { inbox: Some(false) });
    assert_eq!((open.screen, open.inbox_resolved), (Screen::Inbox, false));
    let resolved = opened.after(Step::BackFromStatus { inbox: Some(true) });
    assert_eq!(
        (resolved.screen, resolved.inbox_resolved),
        (Screen::Inbox, true)
    );
    // Plain Back, as the "Remove it from this list" of a request gone
    // takes, leads to the filed requests too.
    assert_eq!(opened.after(Step::Back).screen, Screen::FiledRequests);
}

#[test]
fn back_from_a_request_the_opened_one_leads_to_returns_to_it_first() {
    let opened = walk([Step::OpenRequest("m-9".into())]);
    // Its note leads to its escalation: Back returns to the message, then
    // to the message's list.
    let escalation = opened.after(Step::ViewStatus("e-9".into()));
    assert_eq!(escalation.opened.as_deref(), Some("m-9"));
    let back = escalation.after(Step::BackFromStatus { inbox: None });
    assert_eq!(back.screen, Screen::RequestStatus);
    assert_eq!(back.status_of.as_deref(), Some("m-9"));
    let inbox = back.after(Step::BackFromStatus { inbox: Some(false) });
    assert_eq!(inbox.screen, Screen::Inbox);
}

#[test]
fn a_request_opened_from_a_list_goes_back_to_that_list_whatever_it_is() {
    // Opened from the inbox, the list it came from decides, not its kind.
    let message = at_a_message();
    assert_eq!(message.opened, None);
    let back = message.after(Step::BackFromStatus { inbox: None });
    assert_eq!(back.screen, Screen::Inbox);
    // The page's request, then the list, then the same request by hand: it
    // is the list's now.
    let by_hand = walk([
        Step::OpenRequest("r-9".into()),
        Step::BackFromStatus { inbox: None },
        Step::ViewStatus("r-9".into()),
    ]);
    assert_eq!(by_hand.opened, None);
    let back = by_hand.after(Step::BackFromStatus { inbox: Some(false) });
    assert_eq!(back.screen, Screen::FiledRequests);
}
