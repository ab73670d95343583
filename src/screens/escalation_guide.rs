use leptos::prelude::*;

use crate::{
    components::{
        listed, load_health, AdminCenterLink, BackButton, ScreenHeading, ServiceHealthList,
    },
    context::use_widget,
    escalation::{EscalationReason, GuideAnswer, GuideStep, TroubleshootingStep, PARTNER_DUTIES},
    i18n::{self, id, MessageId},
    journey::Step,
};

/// The escalation guide (seeds 002 and 003): service health first, then
/// troubleshooting, then whether the problem is one 21Vianet takes. It only
/// walks the rules in `escalation.rs`; each step is one screen.
#[component]
pub fn EscalationGuide() -> impl IntoView {
    let widget = use_widget();
    let step = Memo::new(move |_| widget.journey.with(|j| j.guide.step));
    view! {
        <section class="sw-screen" data-testid="escalation-guide">
            <BackButton/>
            {move || match step.get() {
                GuideStep::ServiceHealth => view! { <HealthCheck/> }.into_any(),
                GuideStep::KnownIncident => view! { <KnownIncident/> }.into_any(),
                GuideStep::Troubleshoot => view! { <Troubleshoot/> }.into_any(),
                GuideStep::CategoryGate => view! { <CategoryGate/> }.into_any(),
                GuideStep::PartnerDuties => view! { <PartnerDuties/> }.into_any(),
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
    let widget = use_widget();
    step.question().map(|question| {
        let text = move || {
            let args = i18n::args([
                ("step", question.into()),
                ("total", GuideStep::QUESTIONS.into()),
            ]);
            widget.format(id::GUIDE_PROGRESS, &args)
        };
        view! { <p class="sw-hint" data-testid="guide-progress">{text}</p> }
    })
}

fn service_name() -> (Option<String>, String) {
    use_widget().journey.with_untracked(|j| {
        let service = j.service.as_ref();
        (
            service.map(|s| s.id.clone()),
            service.map(|s| s.name.clone()).unwrap_or_default(),
        )
    })
}

#[component]
fn HealthCheck() -> impl IntoView {
    let widget = use_widget();
    let (service, name) = service_name();
    let with_service = move |message: MessageId| {
        let name = name.clone();
        move || widget.format(message, &i18n::args([("service", name.clone().into())]))
    };
    let on_mine = Callback::new(move |incident: String| {
        widget.go(Step::Guide(GuideAnswer::KnownIncident(incident)))
    });
    let health = load_health(service);
    let shown = move || listed(health);
    view! {
        <div class="sw-stack" data-testid="guide-health">
            <ScreenHeading>{widget.text(id::GUIDE_HEALTH_HEADING)}</ScreenHeading>
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
                        widget.go(Step::Guide(if untrack(shown).is_some() {
                            GuideAnswer::HealthChecked
                        } else {
                            GuideAnswer::HealthNotShown
                        }))
                    }
                >
                    // "None of these" only when something is listed.
                    {move || match shown() {
                        Some(listed) if listed > 0 => widget.text(id::GUIDE_HEALTH_CONTINUE)(),
                        _ => widget.text(id::GUIDE_CONTINUE)(),
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
    let widget = use_widget();
    let (service, _) = service_name();
    let incident = widget
        .journey
        .with_untracked(|j| j.guide.incident.clone())
        .unwrap_or_default();
    view! {
        <div class="sw-stack" data-testid="guide-known-incident">
            <ScreenHeading>{widget.text(id::GUIDE_ALREADY_KNOWN_HEADING)}</ScreenHeading>
            <p>{widget.text(id::GUIDE_ALREADY_KNOWN_TEXT)}</p>
            <ServiceHealthList
                health=load_health(service)
                only=incident
                empty=Signal::derive(widget.text(id::HELP_HEALTH_NONE))
            />
            <button
                type="button"
                class="sw-button sw-button-secondary"
                data-testid="guide-start-again"
                on:click=move |_| widget.go(Step::Home)
            >
                {widget.text(id::GUIDE_START_AGAIN)}
            </button>
        </div>
    }
}

#[component]
fn Troubleshoot() -> impl IntoView {
    let widget = use_widget();
    let done = move |step: TroubleshootingStep| {
        widget
            .journey
            .with(|j| j.guide.troubleshooting.contains(step))
    };
    // Nothing ticked: Continue asks once whether nothing was checked, as
    // escalating without troubleshooting may be inappropriate; a service
    // that is down can leave nothing to check, so the partner may go on.
    // The question answers a Continue only: a tick or an untick takes it
    // back.
    let warned = RwSignal::new(false);
    let go_on = move |_| {
        let none_ticked = widget
            .journey
            .with_untracked(|j| j.guide.troubleshooting.is_empty());
        if none_ticked && !warned.get_untracked() {
            warned.set(true);
            // The question, drawn above the button, pushes it down.
            widget.reveal_when_drawn("[data-testid=guide-troubleshoot-continue]");
        } else {
            widget.go(Step::Guide(GuideAnswer::TroubleshootingDone));
        }
    };
    view! {
        <div class="sw-stack" data-testid="guide-troubleshoot">
            <ScreenHeading>{widget.text(id::GUIDE_TROUBLESHOOT_HEADING)}</ScreenHeading>
            <Progress step=GuideStep::Troubleshoot/>
            <p>{widget.text(id::GUIDE_TROUBLESHOOT_INTRO)}</p>
            <AdminCenterLink/>
            <fieldset class="sw-fieldset">
                <legend class="sw-legend">{widget.text(id::GUIDE_TROUBLESHOOT_LEGEND)}</legend>
                <ul class="sw-checks">
                    {TroubleshootingStep::ALL
                        .into_iter()
                        .map(|step| {
                            view! {
                                <li>
                                    <label class="sw-check">
                                        <input
                                            type="checkbox"
                                            data-testid=format!("troubleshoot-{}", step.as_str())
                                            prop:checked=move || done(step)
                                            on:change=move |_| {
                                                warned.set(false);
                                                widget.go(Step::Guide(GuideAnswer::ToggleTroubleshooting(step)));
                                            }
                                        />
                                        <span>{widget.text(step.label())}</span>
                                    </label>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </fieldset>
            <p class="sw-warning" role="alert" data-testid="guide-troubleshoot-none" class:sw-visually-hidden=move || !warned.get()>
                {move || warned.get().then(widget.text(id::GUIDE_TROUBLESHOOT_NONE))}
            </p>
            <button
                type="button"
                class="sw-button sw-button-primary"
                data-testid="guide-troubleshoot-continue"
                on:click=go_on
            >
                {move || widget.text(if warned.get() { id::GUIDE_TROUBLESHOOT_ANYWAY } else { id::GUIDE_CONTINUE })()}
            </button>
        </div>
    }
}

#[component]
fn CategoryGate() -> impl IntoView {
    let widget = use_widget();
    let chosen = move || widget.journey.with(|j| j.guide.reason);
    view! {
        <div class="sw-stack" data-testid="guide-category">
            <ScreenHeading>{widget.text(id::GUIDE_CATEGORY_HEADING)}</ScreenHeading>
            <Progress step=GuideStep::CategoryGate/>
            <p>{widget.text(id::GUIDE_CATEGORY_INTRO)}</p>
            <ul class="sw-choices">
                {EscalationReason::ALL
                    .into_iter()
                    .map(|reason| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="sw-choice"
                                    data-testid="guide-reason"
                                    data-reason=reason.as_str()
                                    aria-current=move || (chosen() == Some(reason)).then_some("true")
                                    on:click=move |_| widget.go(Step::Guide(GuideAnswer::Reason(reason)))
                                >
                                    <span class="sw-choice-title">{widget.text(reason.label())}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
                <li>
                    <button
                        type="button"
                        class="sw-choice"
                        data-testid="guide-reason-none"
                        on:click=move |_| widget.go(Step::Guide(GuideAnswer::NoneOfThese))
                    >
                        <span class="sw-choice-title">{widget.text(id::GUIDE_CATEGORY_NONE)}</span>
                    </button>
                </li>
            </ul>
        </div>
    }
}

/// None of the five: the partner's own support duties, and going on only
/// after acknowledging them.
#[component]
fn PartnerDuties() -> impl IntoView {
    let widget = use_widget();
    let acknowledged = RwSignal::new(
        widget
            .journey
            .with_untracked(|j| j.guide.duties_acknowledged),
    );
    let missing = RwSignal::new(false);
    let go_on = move |_| {
        if acknowledged.get_untracked() {
            widget.go(Step::Guide(GuideAnswer::AcknowledgeDuties));
        } else {
            missing.set(true);
            // On to what is missing, which its error, drawn above it, says.
            widget.focus_when_drawn("[data-testid=duties-acknowledge]");
        }
    };
    view! {
        <div class="sw-stack" data-testid="guide-duties">
            <ScreenHeading>{widget.text(id::GUIDE_DUTIES_HEADING)}</ScreenHeading>
            <p>{widget.text(id::GUIDE_DUTIES_INTRO)}</p>
            <ul class="sw-duties" data-testid="partner-duties">
                {PARTNER_DUTIES
                    .into_iter()
                    .map(|duty| view! { <li>{widget.text(duty)}</li> })
                    .collect_view()}
            </ul>
            <p class="sw-warning" data-testid="remediation-warning">{widget.text(id::GUIDE_DUTIES_REMEDIATION)}</p>
            <div class="sw-field" class:sw-field-invalid=move || missing.get()>
                // Read as the checkbox's description when Continue sends
                // focus there; an alert as well would be heard twice.
                <p id="sw-duties-error" class="sw-field-error">
                    {move || missing.get().then(widget.text(id::GUIDE_DUTIES_REQUIRED))}
                </p>
                <label class="sw-check">
                    <input
                        type="checkbox"
                        data-testid="duties-acknowledge"
                        aria-describedby=move || missing.get().then_some("sw-duties-error")
                        aria-invalid=move || missing.get().then_some("true")
                        prop:checked=move || acknowledged.get()
                        on:change=move |event| {
                            let ticked = event_target_checked(&event);
                            acknowledged.set(ticked);
                            if ticked {
                                missing.set(false);
                            }
                        }
                    />
                    <span>{widget.text(id::GUIDE_DUTIES_ACKNOWLEDGE)}</span>
                </label>
            </div>
            <button
                type="button"
                class="sw-button sw-button-primary"
                data-testid="guide-duties-continue"
                on:click=go_on
            >
                {widget.text(id::GUIDE_DUTIES_CONTINUE)}
            </button>
        </div>
    }
}
