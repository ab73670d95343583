//! The guide's troubleshooting step: what the partner tried in the admin
//! center before escalating.

use leptos::prelude::*;

use super::Progress;
use crate::{
    components::{AdminCenterLink, ScreenHeading},
    context::{Host, Navigation, Words},
};
use support_rules::{
    escalation::{self, GuideAnswer, GuideStep, TroubleshootingStep},
    i18n::id,
    journey::Step,
};

/// The troubleshooting the seeds ask for, each step ticked once done;
/// Continue with none ticked asks whether to go on anyway.
#[component]
pub(super) fn Troubleshoot() -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    let host = expect_context::<Host>();
    let done = move |step: TroubleshootingStep| {
        nav.journey.with(|j| j.guide.troubleshooting.contains(step))
    };
    // Nothing ticked: Continue asks once whether nothing was checked, as
    // escalating without troubleshooting may be inappropriate; a service
    // that is down can leave nothing to check, so the partner may go on.
    // The question answers a Continue only: a tick or an untick takes it
    // back.
    let warned = RwSignal::new(false);
    let go_on = move |_| {
        let none_ticked = nav
            .journey
            .with_untracked(|j| j.guide.troubleshooting.is_empty());
        if none_ticked && !warned.get_untracked() {
            warned.set(true);
            // The question, drawn above the button, pushes it down.
            host.reveal_when_drawn("[data-testid=guide-troubleshoot-continue]");
        } else {
            nav.go(Step::Guide(GuideAnswer::TroubleshootingDone));
        }
    };
    view! {
        <div class="sw-stack" data-testid="guide-troubleshoot">
            <ScreenHeading>{words.text(id::GUIDE_TROUBLESHOOT_HEADING)}</ScreenHeading>
            <Progress step=GuideStep::Troubleshoot/>
            <p>{words.text(id::GUIDE_TROUBLESHOOT_INTRO)}</p>
            <AdminCenterLink/>
            <fieldset class="sw-fieldset">
                <legend class="sw-legend">{words.text(id::GUIDE_TROUBLESHOOT_LEGEND)}</legend>
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
                                                nav.go(Step::Guide(GuideAnswer::ToggleTroubleshooting(step)));
                                            }
                                        />
                                        <span>{words.text(escalation::step_label(step))}</span>
                                    </label>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </fieldset>
            <p class="sw-warning" role="alert" data-testid="guide-troubleshoot-none" class:sw-visually-hidden=move || !warned.get()>
                {move || warned.get().then(words.text(id::GUIDE_TROUBLESHOOT_NONE))}
            </p>
            <button
                type="button"
                class="sw-button sw-button-primary"
                data-testid="guide-troubleshoot-continue"
                on:click=go_on
            >
                {move || words.text(if warned.get() { id::GUIDE_TROUBLESHOOT_ANYWAY } else { id::GUIDE_CONTINUE })()}
            </button>
        </div>
    }
}
