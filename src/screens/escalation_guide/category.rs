//! Whether the problem is one to hand off to 21Vianet (the five kinds), and
//! the partner's own duties when it is not: taken on, which ends the guide,
//! or escalated for want of the means to, after the remediation warning.

use leptos::prelude::*;

use super::{Progress, StartAgain};
use crate::{
    components::ScreenHeading,
    context::{Navigation, Words},
};
use support_rules::{
    escalation::{self, EscalationReason, GuideAnswer, GuideStep, PARTNER_DUTIES},
    i18n::{id, MessageId},
    journey::Step,
};

/// The five categories that escalate, and "none of these".
#[component]
pub(super) fn CategoryGate() -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    let chosen = move || nav.journey.with(|j| j.guide.reason);
    view! {
        <div class="sw-stack" data-testid="guide-category">
            <ScreenHeading>{words.text(id::GUIDE_CATEGORY_HEADING)}</ScreenHeading>
            <Progress step=GuideStep::CategoryGate/>
            <p>{words.text(id::GUIDE_CATEGORY_HAND_OFF)}</p>
            <ul class="sw-choices">
                {EscalationReason::CATEGORIES
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
                                    on:click=move |_| nav.go(Step::Guide(GuideAnswer::Reason(reason)))
                                >
                                    <span class="sw-choice-title">{words.text(escalation::reason_label(reason))}</span>
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
                on:click=move |_| nav.go(Step::Guide(GuideAnswer::NoneOfThese))
            >
                <span class="sw-choice-title">{words.text(id::GUIDE_CATEGORY_NONE)}</span>
            </button>
        </div>
    }
}

/// None of the five: the partner's own support duties (seed 003). The
/// partner supports the problem, which ends the guide, or states that they
/// lack the training, documentation or tools to, which escalates it.
#[component]
pub(super) fn PartnerDuties() -> impl IntoView {
    let words = expect_context::<Words>();
    view! {
        <div class="sw-stack" data-testid="guide-duties">
            <ScreenHeading>{words.text(id::GUIDE_DUTIES_HEADING)}</ScreenHeading>
            <p data-testid="point-of-contact">{words.text(id::GUIDE_DUTIES_POINT_OF_CONTACT)}</p>
            <p>{words.text(id::GUIDE_DUTIES_INTRO)}</p>
            <ul class="sw-duties" data-testid="partner-duties">
                {PARTNER_DUTIES
                    .into_iter()
                    .map(|duty| view! { <li>{words.text(duty)}</li> })
                    .collect_view()}
            </ul>
            <div class="sw-actions">
                <AnswerButton
                    answer=GuideAnswer::SupportItMyself
                    label=id::GUIDE_DUTIES_DECLINE
                    testid="guide-duties-decline"
                />
                <AnswerButton
                    answer=GuideAnswer::LackTrainingDocumentationTools
                    label=id::GUIDE_DUTIES_LACKS_MEANS
                    testid="guide-duties-lacks-means"
                    secondary=true
                />
            </div>
        </div>
    }
}

/// Escalating a problem of none of the five: what escalation support is,
/// and what 21Vianet may ask of a partner who escalates inappropriately,
/// read before the request.
#[component]
pub(super) fn Remediation() -> impl IntoView {
    let words = expect_context::<Words>();
    view! {
        <div class="sw-stack" data-testid="guide-remediation">
            <ScreenHeading>{words.text(id::GUIDE_REMEDIATION_HEADING)}</ScreenHeading>
            <p>{words.text(id::GUIDE_REMEDIATION_DEFINITION)}</p>
            <p class="sw-warning" data-testid="remediation-warning">{words.text(id::GUIDE_DUTIES_REMEDIATION)}</p>
            <div class="sw-actions">
                <AnswerButton
                    answer=GuideAnswer::FileEscalation
                    label=id::GUIDE_REMEDIATION_CONTINUE
                    testid="guide-remediation-continue"
                />
            </div>
        </div>
    }
}

/// A button that gives the guide `answer`: the step's way on, or with
/// `secondary`, the other way.
#[component]
fn AnswerButton(
    answer: GuideAnswer,
    label: MessageId,
    testid: &'static str,
    #[prop(optional)] secondary: bool,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    let class = match secondary {
        true => "sw-button sw-button-secondary",
        false => "sw-button sw-button-primary",
    };
    view! {
        <button
            type="button"
            class=class
            data-testid=testid
            on:click=move |_| nav.go(Step::Guide(answer.clone()))
        >
            {words.text(label)}
        </button>
    }
}

/// The end of the guide when the partner supports the problem themselves:
/// nothing is escalated.
#[component]
pub(super) fn OwnSupport() -> impl IntoView {
    let words = expect_context::<Words>();
    view! {
        <div class="sw-stack" data-testid="guide-own-support">
            <ScreenHeading>{words.text(id::GUIDE_OWN_SUPPORT_HEADING)}</ScreenHeading>
            <p>{words.text(id::GUIDE_OWN_SUPPORT_RECHECK)}</p>
            <StartAgain/>
        </div>
    }
}
