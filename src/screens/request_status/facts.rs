//! What a filed request is about, as the backend has it: customer, contact,
//! service, category or severity, escalation reason, and the articles
//! read before it (its description and files open the thread).

use leptos::prelude::*;
use support_contract::{RequestKind, Service, StoredRequest};

use crate::{
    api,
    context::{Connection, Words},
    loaded::Loaded,
};
use support_rules::{
    escalation,
    host::Audience,
    i18n::{self, id, MessageId},
    request::LoadError,
    request_fields::{category_label, severity_label},
};

/// What a filed request is about: the customer it is for (and, to the
/// partner, who at the customer wrote it), the service (by name, from
/// `services`: left out while, or if, they cannot be had), its category or
/// severity, why it was escalated, its description, the help articles read
/// before it, and the names of the files with it.
#[component]
pub(super) fn RequestFacts(
    stored: StoredRequest,
    services: Loaded<Result<Vec<Service>, LoadError>>,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let request = stored.request;
    let service = request.service.map(|service| {
        move || match services.get() {
            Some(Ok(services)) => services.into_iter().find(|s| s.id == service).map(|s| {
                view! {
                    <div data-testid="status-service">
                        <dt>{words.text(id::CR_SERVICE_LABEL)}</dt>
                        <dd>{s.name}</dd>
                    </div>
                }
            }),
            _ => None,
        }
    });
    let fact = move |label: MessageId, value: AnyView| {
        view! {
            <div>
                <dt>{words.text(label)}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    // A customer reads their own requests: their company is not news to
    // them, and the articles are the ones they were shown.
    let partner_reads = connection.audience.get_untracked() == Audience::Partner;
    let customer = (request.customer)
        .filter(|_| partner_reads)
        .map(|customer| fact(id::CR_CUSTOMER_LABEL, customer.name.into_any()));
    let category = request.category.map(|category| {
        fact(
            id::STATUS_CATEGORY_LABEL,
            words.text(category_label(category)).into_any(),
        )
    });
    let severity = request.severity.map(|severity| {
        fact(
            id::STATUS_SEVERITY_LABEL,
            words.text(severity_label(severity).0).into_any(),
        )
    });
    // A reason this version does not name (a request filed by an earlier
    // one) is left out rather than guessed.
    let escalation = (request.escalation)
        .and_then(|escalation| escalation::reason_label_of(&escalation.reason))
        .map(|reason| fact(id::CR_ESCALATION_LABEL, words.text(reason).into_any()));
    // Who sent a customer's message, and how they asked to be contacted,
    // for the partner who answers it.
    let (contact, language) = if request.kind == RequestKind::CustomerSelfService && partner_reads {
        let contact = request.contact;
        let text = [
            contact.name,
            contact.email,
            contact.phone.unwrap_or_default(),
        ]
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
        let language = contact.language;
        let name = view! {
            <span lang=language.as_str() data-testid="status-contact-language">
                {words.text(i18n::language_name(language))}
            </span>
        };
        (
            (!text.is_empty()).then(|| fact(id::STATUS_CONTACT_LABEL, text.into_any())),
            Some(fact(id::FIELD_CONTACT_LANGUAGE_LABEL, name.into_any())),
        )
    } else {
        (None, None)
    };
    let articles = (!request.articles_seen.is_empty()).then(|| {
        fact(
            if partner_reads {
                id::STATUS_ARTICLES_LABEL
            } else {
                id::STATUS_ARTICLES_LABEL_OWN
            },
            view! { <ArticlesRead ids=request.articles_seen/> }.into_any(),
        )
    });
    view! {
        <dl class="sw-context" data-testid="status-facts">
            {customer}
            {contact}
            {language}
            {service}
            {category}
            {severity}
            {escalation}
            {articles}
        </dl>
    }
}

/// The help articles a customer read before writing, by title where the
/// backend still has them in the widget's language, else by id.
#[component]
fn ArticlesRead(ids: Vec<String>) -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let articles = Loaded::new(move |abort| {
        let backend = connection.backend.get();
        let locale = words.locale.get();
        let transport = connection.transport_aborted_by(abort);
        async move {
            api::search_articles(backend?, String::new(), locale, transport)
                .await
                .ok()
        }
    });
    let items = move || {
        let known = articles.get().flatten().unwrap_or_default();
        ids.iter()
            .map(|id| {
                let title = known
                    .iter()
                    .find(|article| &article.id == id)
                    .map_or_else(|| id.clone(), |article| article.title.clone());
                view! { <li>{title}</li> }
            })
            .collect_view()
    };
    view! { <ul class="sw-facts-files" data-testid="status-articles">{items}</ul> }
}
