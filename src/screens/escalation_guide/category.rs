//! Whether the problem is one 21Vianet takes (the five categories), and
//! the partner's own duties when it is not: acknowledged to go on, or taken
//! on, which ends the guide.

use leptos::prelude::*;

use super::{Progress, StartAgain};
use crate::{
    components::ScreenHeading,
    context::use_widget,
    rules::{
        escalation::{self, EscalationReason, GuideAnswer, GuideStep, PARTNER_DUTIES},
        i18n::id,
        journey::Step,
    },
};

/// The five categories that escalate, and "none of these".
#[component]
pub(super) fn CategoryGate() -> impl IntoView {
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
                                    <span class="sw-choice-title">{widget.text(escalation::reason_label(reason))}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            // Not a sixth kind: outside the list of the five, and drawn apart.
            <button
                type="button"
                class="sw-choice sw-choice-other"
                data-testid="guide-reason-none"
                on:click=move |_| widget.go(Step::Guide(GuideAnswer::NoneOfThese))
            >
                <span class="sw-choice-title">{widget.text(id::GUIDE_CATEGORY_NONE)}</span>
            </button>
        </div>
    }
}

/// None of the five: the partner's own support duties, and going on only
/// after acknowledging them.
#[component]
pub(super) fn PartnerDuties() -> impl IntoView {
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
            <div class="sw-actions">
                <button
                    type="button"
                    class="sw-button sw-button-primary"
                    data-testid="guide-duties-continue"
                    on:click=go_on
                >
                    {widget.text(id::GUIDE_DUTIES_CONTINUE)}
                </button>
                <button
                    type="button"
                    class="sw-button sw-button-secondary"
                    data-testid="guide-duties-decline"
                    on:click=move |_| widget.go(Step::Guide(GuideAnswer::SupportItMyself))
                >
                    {widget.text(id::GUIDE_DUTIES_DECLINE)}
                </button>
            </div>
        </div>
    }
}

/// The end of the guide when the partner supports the problem themselves:
/// nothing is escalated.
#[component]
pub(super) fn OwnSupport() -> impl IntoView {
    let widget = use_widget();
    view! {
        <div class="sw-stack" data-testid="guide-own-support">
            <ScreenHeading>{widget.text(id::GUIDE_OWN_SUPPORT_HEADING)}</ScreenHeading>
            <p>{widget.text(id::GUIDE_OWN_SUPPORT_TEXT)}</p>
            <StartAgain/>
        </div>
    }
}
