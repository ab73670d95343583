//! Which screen the widget shows: a partner's journey, or a customer's
//! self-service, whose own requests and their status are the screens the
//! partner's journey has for them.

use leptos::prelude::*;

use crate::{
    components::RequestFormState,
    context::{Connection, Navigation},
    screens::{
        ArticleSearch, ConfigError, ContactPartner, CustomerRequest, CustomerSearch,
        EscalationGuide, FiledList, Home, Inbox, PartnerCenterRequest, RequestStatus, SelfHelp,
        SelfServiceHelp, SelfServiceSolved, ServiceChoice, Solved,
    },
};
use support_rules::{
    help_journey::HelpScreen,
    host::{Audience, BackendError},
    journey::Screen,
};

/// The forms, created once above the screens, so that neither a language
/// switch nor a step back loses what the user typed.
#[derive(Clone, Copy)]
pub struct Forms {
    pub partner_center: RequestFormState,
    pub customer_request: RequestFormState,
    pub contact_partner: RequestFormState,
}

/// The screen for the audience, or what the page set up wrongly.
#[component]
pub fn ShownScreen(
    forms: Forms,
    article_search: ArticleSearch,
    config_error: Memo<Option<BackendError>>,
) -> impl IntoView {
    let connection = expect_context::<Connection>();
    let nav = expect_context::<Navigation>();
    // The screen, and which request a status screen shows: another
    // request's status (from an escalation to its customer's message, say)
    // is a screen of its own.
    let shown = Memo::new(move |_| {
        nav.journey.with(|j| {
            let status_of = (j.screen == Screen::RequestStatus).then(|| j.status_of.clone());
            (j.screen, status_of.flatten())
        })
    });
    let screen = move || shown.with(|(screen, _)| *screen);
    let Forms {
        partner_center,
        customer_request,
        contact_partner,
    } = forms;
    let partner_screens = move || match screen() {
        Screen::Home => view! { <Home partner_center customer_request/> }.into_any(),
        Screen::PartnerCenterRequest => {
            view! { <PartnerCenterRequest state=partner_center/> }.into_any()
        }
        Screen::CustomerSearch => view! { <CustomerSearch/> }.into_any(),
        Screen::ServiceChoice => view! { <ServiceChoice/> }.into_any(),
        Screen::SelfHelp => view! { <SelfHelp/> }.into_any(),
        Screen::Solved => view! { <Solved/> }.into_any(),
        Screen::Escalation => view! { <EscalationGuide/> }.into_any(),
        Screen::CustomerRequest => view! { <CustomerRequest state=customer_request/> }.into_any(),
        Screen::FiledRequests => view! { <FiledList/> }.into_any(),
        Screen::RequestStatus => view! { <RequestStatus/> }.into_any(),
        Screen::Inbox => view! { <Inbox/> }.into_any(),
    };
    let help_screen = Memo::new(move |_| nav.help.with(|h| h.screen));
    let customer_screens = move || match (screen(), help_screen.get()) {
        (Screen::FiledRequests, _) => view! { <FiledList/> }.into_any(),
        (Screen::RequestStatus, _) => view! { <RequestStatus/> }.into_any(),
        (_, HelpScreen::Help) => {
            view! { <SelfServiceHelp search=article_search contact=contact_partner/> }.into_any()
        }
        (_, HelpScreen::Solved) => view! { <SelfServiceSolved search=article_search/> }.into_any(),
        (_, HelpScreen::ContactPartner) => {
            view! { <ContactPartner state=contact_partner/> }.into_any()
        }
    };
    move || match (config_error.get(), connection.audience.get()) {
        (Some(error), _) => view! { <ConfigError error/> }.into_any(),
        (None, Audience::Partner) => partner_screens().into_any(),
        (None, Audience::Customer) => customer_screens().into_any(),
    }
}
