//! The escalation guide's screens, between the admin center's self-help and
//! the request on a customer's behalf; troubleshooting in
//! `escalation_guide/troubleshoot.rs`, the categories, the partner's duties
//! and the remediation warning in `escalation_guide/category.rs`.

mod category;
mod troubleshoot;

use leptos::prelude::*;

use self::{
    category::{CategoryGate, OwnSupport, PartnerDuties, Remediation},
    troubleshoot::Troubleshoot,
};
use crate::{
    components::{
        listed, load_health, BackButton, BackToMessage, ScreenHeading, ServiceHealthList,
    },
    context::{Navigation, Words},
};
use support_rules::{
    escalation::{GuideAnswer, GuideStep},
    i18n::{self, id, MessageId},
    journey::Step,
};

/// The escalation guide (seeds 002 and 003): service health first, then
/// troubleshooting, then whether the problem is one to hand off to
/// 21Vianet. It only walks the rules in `escalation.rs`; each step is one
/// screen.
#[component]
pub fn EscalationGuide() -> impl IntoView {
    let nav = expect_context::<Navigation>();
    let step = Memo::new(move |_| nav.journey.with(|j| j.guide.step));
    view! {
        <section class="sw-screen" data-testid="escalation-guide">
            <BackButton/>
            {move || match step.get() {
                GuideStep::ServiceHealth => view! { <HealthCheck/> }.into_any(),
                GuideStep::KnownIncident => view! { <KnownIncident/> }.into_any(),
                GuideStep::Troubleshoot => view! { <Troubleshoot/> }.into_any(),
                GuideStep::CategoryGate => view! { <CategoryGate/> }.into_any(),
                GuideStep::PartnerDuties => view! { <PartnerDuties/> }.into_any(),
                GuideStep::OwnSupport => view! { <OwnSupport/> }.into_any(),
                GuideStep::Remediation => view! { <Remediation/> }.into_any(),
                // The journey has moved on to the request.
                GuideStep::Proceed => ().into_any(),
            }}
        </section>
    }
}

/// "Step 2 of 3" under a question's heading, read after the heading that
/// takes focus.
#[component]
fn Progress(step: GuideStep) -> impl IntoView {
    let words = expect_context::<Words>();
    step.question().map(|question| {
        let text = move || {
            let args = i18n::args([
                ("step", question.into()),
                ("total", GuideStep::QUESTIONS.into()),
            ]);
            words.format(id::GUIDE_PROGRESS, &args)
        };
        view! { <p class="sw-hint" data-testid="guide-progress">{text}</p> }
    })
}

fn service_name() -> (Option<String>, String) {
    expect_context::<Navigation>().journey.with_untracked(|j| {
        let service = j.service.as_ref();
        (
            service.map(|s| s.id.clone()),
            service.map(|s| s.name.clone()).unwrap_or_default(),
        )
    })
}

#[component]
fn HealthCheck() -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    let (service, name) = service_name();
    let with_service = move |message: MessageId| {
        let name = name.clone();
        move || words.format(message, &i18n::args([("service", name.clone().into())]))
    };
    let on_mine = Callback::new(move |incident: String| {
        nav.go(Step::Guide(GuideAnswer::KnownIncident(incident)))
    });
    let health = load_health(service);
    let shown = move || listed(health);
    view! {
        <div class="sw-stack" data-testid="guide-health">
            <ScreenHeading>{words.text(id::GUIDE_HEALTH_HEADING)}</ScreenHeading>
            <Progress step=GuideStep::ServiceHealth/>
            // Of no use, and contradicted, when the list says there is nothing.
            <p hidden=move || shown() == Some(0)>{with_service(id::GUIDE_HEALTH_INTRO)}</p>
            <ServiceHealthList
                health
                empty=Signal::derive(with_service(id::GUIDE_HEALTH_NONE))
                on_mine
            />
            <div class="sw-actions">
                <button
                    type="button"
                    class="sw-button sw-button-primary"
                    data-testid="guide-health-continue"
                    on:click=move |_| {
                        nav.go(Step::Guide(if untrack(shown).is_some() {
                            GuideAnswer::HealthChecked
                        } else {
                            GuideAnswer::HealthNotShown
                        }))
                    }
                >
                    // "None of these" only when something is listed.
                    {move || match shown() {
                        Some(listed) if listed > 0 => words.text(id::GUIDE_HEALTH_CONTINUE)(),
                        _ => words.text(id::GUIDE_CONTINUE)(),
                    }}
                </button>
            </div>
        </div>
    }
}

/// The end of the guide when a current incident is the customer's problem:
/// nothing is escalated, and the incident is shown again to follow.
#[component]
fn KnownIncident() -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    let (service, _) = service_name();
    let incident = nav
        .journey
        .with_untracked(|j| j.guide.incident.clone())
        .unwrap_or_default();
    view! {
        <div class="sw-stack" data-testid="guide-known-incident">
            <ScreenHeading>{words.text(id::GUIDE_ALREADY_KNOWN_HEADING)}</ScreenHeading>
            <p>{words.text(id::GUIDE_ALREADY_KNOWN_TEXT)}</p>
            <ServiceHealthList
                health=load_health(service)
                only=incident
                empty=Signal::derive(words.text(id::HELP_HEALTH_NONE))
            />
            <StartAgain/>
        </div>
    }
}

/// "Start again", at the guide's ends where nothing is escalated (a known
/// incident, a problem the partner supports): home, with a fresh journey.
/// On the way from a customer's message, the way back to it instead, to
/// reply with what the partner learned.
#[component]
fn StartAgain() -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    if nav.journey.with_untracked(|j| j.escalating.is_some()) {
        return view! { <BackToMessage/> }.into_any();
    }
    view! {
        <button
            type="button"
            class="sw-button sw-button-secondary"
            data-testid="guide-start-again"
            on:click=move |_| nav.go(Step::Home)
        >
            {words.text(id::GUIDE_START_AGAIN)}
        </button>
    }
    .into_any()
}
