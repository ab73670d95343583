use leptos::prelude::*;
use support_contract::{HealthIncident, HealthKind, HealthStatus};

use crate::{
    api,
    components::LoadFailure,
    context::{Connection, Words},
    loaded::Loaded,
};
use support_rules::{
    i18n::{self, id, MessageId},
    request::LoadError,
};

/// A service's current incidents and advisories (`GET /service-health`), or
/// every service's, as a screen loads them: the screen reads the answer
/// (whether anything is listed) and `ServiceHealthList` shows it.
pub type Health = Loaded<Result<Vec<HealthIncident>, LoadError>>;

/// Loads `service`'s health, or every service's (`None`), in the widget's
/// language, again when that changes.
pub fn load_health(service: Option<String>) -> Health {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    Loaded::new(move |abort| {
        let backend = connection.backend.get();
        let locale = words.locale.get();
        let service = service.clone();
        let transport = connection.transport_aborted_by(abort);
        async move {
            match backend {
                Some(backend) => api::service_health(backend, service, locale, transport).await,
                None => Ok(Vec::new()),
            }
        }
    })
}

/// How many items `health` lists, once answered (even with nothing
/// current); `None` while it loads or when it failed.
pub fn listed(health: Health) -> Option<usize> {
    health.with(|answer| match answer {
        Some(Ok(items)) => Some(items.len()),
        _ => None,
    })
}

/// Current incidents and advisories, each with its title, kind, status,
/// start time and last update in the user's locale.
#[component]
pub fn ServiceHealthList(
    health: Health,
    /// The health is every service's: each item names its service.
    #[prop(optional)]
    every_service: bool,
    /// Shows only this incident (the one the partner said is theirs).
    #[prop(optional)]
    only: Option<String>,
    /// What to say when nothing is current.
    #[prop(into)]
    empty: Signal<String>,
    /// Offers "This is my customer's problem" on each incident.
    #[prop(optional)]
    on_mine: Option<Callback<String>>,
    /// Placed under a subheading (h3) rather than the screen's heading: the
    /// incidents' titles are then a level below it.
    #[prop(optional)]
    under_subheading: bool,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    // Every service's health names the service of each item: the services'
    // names come from `GET /services`, and an item goes without its name if
    // they cannot be had.
    let services = every_service.then(|| crate::services::services(connection));
    let service_name = move |id: &str| match services?.get() {
        Some(Ok(services)) => services.into_iter().find(|s| s.id == id).map(|s| s.name),
        _ => None,
    };
    // Try again asks again for what failed: the health, and the services'
    // names if they could not be had either (the same outage, usually).
    let retry = move || {
        health.reload();
        if let Some(services) = services.filter(|s| s.with(|answer| matches!(answer, Some(Err(_)))))
        {
            services.reload();
        }
    };
    let only = StoredValue::new(only);
    // The answer as listed: every item, or only the one asked for.
    let shown = move || {
        health.get().map(|answer| {
            answer.map(|incidents| {
                let wanted = |i: &HealthIncident| {
                    only.with_value(|only| only.as_ref().is_none_or(|o| *o == i.id))
                };
                incidents.into_iter().filter(wanted).collect::<Vec<_>>()
            })
        })
    };
    view! {
        <div class="sw-health" data-testid="service-health">
            {move || match shown() {
                None => view! { <p role="status">{words.text(id::HEALTH_LOADING)}</p> }.into_any(),
                Some(Err(error)) => view! { <LoadFailure message=id::HEALTH_FAILED error on_retry=Callback::new(move |()| retry())/> }
                .into_any(),
                Some(Ok(shown)) => {
                    if shown.is_empty() {
                        view! { <p class="sw-health-none" data-testid="health-none">{move || empty.get()}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="sw-incidents">
                                {shown
                                    .into_iter()
                                    .enumerate()
                                    .map(|(index, incident)| {
                                        let service = every_service.then(|| {
                                            let id = incident.service.clone();
                                            Signal::derive(move || service_name(&id))
                                        });
                                        view! { <Incident incident index service on_mine under_subheading/> }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                        .into_any()
                    }
                }
            }}
        </div>
    }
}

#[component]
fn Incident(
    incident: HealthIncident,
    index: usize,
    /// The service's name, where the list is of every service's health.
    service: Option<Signal<Option<String>>>,
    on_mine: Option<Callback<String>>,
    under_subheading: bool,
) -> impl IntoView {
    let words = expect_context::<Words>();
    // Names the incident a "This is my customer's problem" button is about.
    let title_id = format!("sw-incident-{index}");
    // When it started and, if it changed since, when it was last updated:
    // how current the item's text is. Times the locale writes alike (the
    // same minute, or the same time written another way) are one.
    let (started, updated) = (incident.started_at.clone(), incident.updated_at.clone());
    let times = move || {
        let (started, updated) = (words.format_time(&started), words.format_time(&updated));
        if started == updated {
            words.format(id::HEALTH_STARTED, &i18n::args([("time", started.into())]))
        } else {
            words.format(
                id::HEALTH_STARTED_UPDATED,
                &i18n::args([("started", started.into()), ("updated", updated.into())]),
            )
        }
    };
    let incident_id = incident.id.clone();
    let (id, lang, text) = (
        title_id.clone(),
        incident.locale.as_str(),
        incident.title.clone(),
    );
    let title = if under_subheading {
        view! { <h4 class="sw-incident-title" id=id lang=lang>{text}</h4> }.into_any()
    } else {
        view! { <h3 class="sw-incident-title" id=id lang=lang>{text}</h3> }.into_any()
    };
    view! {
        <li class="sw-incident" data-testid="incident" data-incident-id=incident.id.clone()>
            <p class="sw-incident-meta">
                {service.map(|name| move || name.get().map(|name| view! {
                    <span class="sw-incident-service" data-testid="incident-service">{name}</span>
                    " · "
                }))}
                <span class="sw-badge" class:sw-badge-incident=incident.kind == HealthKind::Incident>
                    {words.text(kind_label(incident.kind))}
                </span>
                " "
                <span>{words.text(status_label(incident.status))}</span>
            </p>
            {title}
            <p class="sw-incident-summary" lang=incident.locale.as_str()>{incident.summary.clone()}</p>
            <p class="sw-incident-time">{times}</p>
            {on_mine.map(|on_mine| {
                view! {
                    <button
                        type="button"
                        class="sw-button sw-button-secondary"
                        data-testid="incident-mine"
                        aria-describedby=title_id.clone()
                        on:click=move |_| on_mine.run(incident_id.clone())
                    >
                        {words.text(id::GUIDE_HEALTH_MINE)}
                    </button>
                }
            })}
        </li>
    }
}

fn kind_label(kind: HealthKind) -> MessageId {
    match kind {
        HealthKind::Incident => id::HEALTH_KIND_INCIDENT,
        HealthKind::Advisory => id::HEALTH_KIND_ADVISORY,
    }
}

fn status_label(status: HealthStatus) -> MessageId {
    match status {
        HealthStatus::Investigating => id::HEALTH_STATUS_INVESTIGATING,
        HealthStatus::Identified => id::HEALTH_STATUS_IDENTIFIED,
        HealthStatus::Monitoring => id::HEALTH_STATUS_MONITORING,
        HealthStatus::Resolved => id::HEALTH_STATUS_RESOLVED,
    }
}
