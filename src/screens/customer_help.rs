//! The customer audience's start: service health and the help articles,
//! with the article search kept while the customer moves on and back. Its
//! ends are `help_solved.rs` and `contact_partner.rs`; the wire types of the
//! lookups are the contract's `self_service` module.

use leptos::{ev::SubmitEvent, prelude::*};
use support_contract::Article;

use crate::{
    api,
    components::{
        load_health, FiledRequestsLink, LoadFailure, RequestFormState, ScreenHeading,
        ServiceHealthList,
    },
    context::{Connection, Navigation, Words},
    loaded::Loaded,
};
use support_rules::{
    help_journey::{HelpStep, SeenArticle},
    i18n::{self, id},
    locale::Locale,
    request::{self, LoadError},
};

/// The customer's start: service health and the help articles, then
/// "This solved it" or "Contact my partner".
#[component]
pub fn SelfServiceHelp(
    /// The last search and its articles, kept while the customer goes to
    /// the contact form and back.
    search: ArticleSearch,
    /// The message to the partner: "Contact my partner" is marked while it
    /// holds one typed and not sent, or waiting to be sent again, as home
    /// marks a partner's form.
    contact: RequestFormState,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    view! {
        <section class="sw-screen" data-testid="self-service">
            <ScreenHeading>{words.text(id::HELP_HEADING)}</ScreenHeading>
            <p class="sw-intro">{words.text(id::HELP_INTRO)}</p>
            // The customer's requests to their partner: a signed-in
            // customer's from the backend, a visitor's those sent from
            // this device.
            <FiledRequestsLink label=id::HELP_MY_REQUESTS/>
            <h3 class="sw-subheading">{words.text(id::HELP_HEALTH_HEADING)}</h3>
            <ServiceHealthList health=load_health(None) every_service=true empty=Signal::derive(words.text(id::HELP_HEALTH_NONE)) under_subheading=true/>
            <h3 class="sw-subheading">{words.text(id::HELP_ARTICLES_HEADING)}</h3>
            <ArticleSearchForm search/>
            <fieldset class="sw-fieldset">
                <legend class="sw-legend">{words.text(id::HELP_QUESTION)}</legend>
                <div class="sw-actions">
                    <button
                        type="button"
                        class="sw-button sw-button-secondary"
                        data-testid="help-solved"
                        on:click=move |_| nav.go_help(HelpStep::Solved)
                    >
                        {words.text(id::HELP_SOLVED)}
                    </button>
                    <button
                        type="button"
                        class="sw-button sw-button-primary"
                        data-testid="help-contact"
                        on:click=move |_| nav.go_help(HelpStep::ContactPartner)
                    >
                        {words.text(id::HELP_CONTACT)}
                        {move || contact.mark().map(|(text, testid)| view! {
                            " "
                            <span class="sw-badge" data-testid=testid>{words.text(text)}</span>
                        })}
                    </button>
                </div>
            </fieldset>
        </section>
    }
}

/// A query and what searching for it found.
type Found = (String, Result<Vec<Article>, LoadError>);

/// The article search's state, owned by the widget root.
#[derive(Clone, Copy)]
pub struct ArticleSearch {
    pub query: RwSignal<String>,
    /// The query last searched for; `None` before the first search, and
    /// after `clear`. Set again, even to the same words, it searches anew.
    searched: RwSignal<Option<String>>,
    /// What searching for it found, read through `Loaded`: a new search
    /// overtakes the one on its way, whose request is aborted. Owned by the
    /// root, not the search form: the customer may move on to the contact
    /// form while it runs, and the articles found still count as seen.
    found: Loaded<Option<Found>>,
}

impl ArticleSearch {
    pub fn new(words: Words, connection: Connection, nav: Navigation) -> ArticleSearch {
        let searched = RwSignal::new(None::<String>);
        let found = Loaded::new(move |abort| {
            let query = searched.get();
            let backend = connection.backend.get_untracked();
            let locale = words.locale.get_untracked();
            let transport = connection.transport_aborted_by(abort);
            async move {
                let (query, backend) = (query?, backend?);
                let found = api::search_articles(backend, query.clone(), locale, transport).await;
                // A blank search lists articles to browse, not answers to the
                // customer's problem: the partner is not told of them.
                if let (Ok(articles), false) = (&found, query.trim().is_empty()) {
                    nav.go_help(HelpStep::SawArticles(
                        articles
                            .iter()
                            .map(|article| SeenArticle {
                                id: article.id.clone(),
                                title: article.title.clone(),
                            })
                            .collect(),
                    ));
                }
                Some((query, found))
            }
        });
        ArticleSearch {
            query: RwSignal::new(String::new()),
            searched,
            found,
        }
    }

    /// Searches for what the box holds; a search on its way gives way.
    fn run(self) {
        self.searched.set(Some(self.query.get_untracked()));
    }

    /// Whether a search is on its way (tracked).
    fn pending(self) -> bool {
        self.found.loading() && self.searched.with(Option::is_some)
    }

    /// The query last searched for and what it found (tracked); `None`
    /// before the first answer.
    fn result(self) -> Option<Found> {
        self.found.get().flatten()
    }

    /// No query and nothing found: a journey started again, or the next
    /// user's, has seen nothing. A search still on its way is aborted: its
    /// articles were the last journey's.
    pub fn clear(self) {
        self.query.set(String::new());
        self.searched.set(None);
    }
}

#[component]
fn ArticleSearchForm(search: ArticleSearch) -> impl IntoView {
    let words = expect_context::<Words>();
    // A blank search is the backend's first articles: something to browse.
    let run = move || search.run();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        run();
    };
    view! {
        <form class="sw-search" role="search" novalidate on:submit=on_submit data-testid="article-search">
            <div class="sw-field">
                <label class="sw-label" for="sw-article-query">{words.text(id::HELP_SEARCH_LABEL)}</label>
                <p class="sw-hint" id="sw-article-query-hint">{words.text(id::HELP_SEARCH_HINT)}</p>
                <div class="sw-search-row">
                    <input
                        id="sw-article-query"
                        class="sw-input"
                        type="search"
                        data-testid="article-query"
                        aria-describedby="sw-article-query-hint"
                        prop:value=move || search.query.get()
                        on:input=move |event| search.query.set(event_target_value(&event))
                    />
                    <button type="submit" class="sw-button sw-button-primary" data-testid="article-search-button">
                        {words.text(id::HELP_SEARCH_BUTTON)}
                    </button>
                </div>
            </div>
        </form>
        // What a search found, in one live region that is always there, so
        // that screen readers announce it: the number of articles, or that
        // none match.
        <p class="sw-hint" role="status" data-testid="article-count">
            {move || {
                if search.pending() {
                    return words.text(id::HELP_SEARCHING)();
                }
                match search.result() {
                    Some((query, Ok(articles))) if articles.is_empty() => words.format(
                        id::HELP_NO_RESULTS,
                        &i18n::args([("query", i18n::echoed(&query).into())]),
                    ),
                    Some((_, Ok(articles))) => words.format(
                        if request::may_have_more(articles.len()) {
                            id::HELP_RESULTS_FIRST
                        } else {
                            id::HELP_RESULTS
                        },
                        &i18n::args([("count", articles.len().into())]),
                    ),
                    _ => String::new(),
                }
            }}
        </p>
        {move || match search.result() {
            None => ().into_any(),
            Some((_, Err(error))) => view! { <LoadFailure message=id::HELP_SEARCH_FAILED error on_retry=Callback::new(move |()| run()) focus="#sw-article-query"/> }
            .into_any(),
            Some((_, Ok(articles))) if articles.is_empty() => ().into_any(),
            Some((_, Ok(articles))) => view! {
                <ul class="sw-articles" data-testid="articles">
                    {articles.into_iter().enumerate().map(|(position, article)| view! { <ArticleItem article position/> }).collect_view()}
                </ul>
            }
            .into_any(),
        }}
    }
}

/// One found article. Its title and summary are in the article's language;
/// the link's "opens in a new tab" and the badge saying the article is in
/// another language are in the widget's, and the badge describes the link.
#[component]
fn ArticleItem(article: Article, position: usize) -> impl IntoView {
    let words = expect_context::<Words>();
    let language = article.locale;
    let translated = move || words.locale.get() == language;
    // The badge names the article's language: English where the backend
    // had no translation, or the language the search was made in, if the
    // user has switched since (in its own name, as the language picker
    // names it, and marked as that language).
    let other = (language != Locale::EnUs).then_some(language);
    let badge = move || words.text(other.map_or(id::HELP_IN_ENGLISH, i18n::language_name))();
    let badge_id = format!("sw-article-language-{position}");
    view! {
        <li class="sw-article" data-testid="article" data-article-id=article.id.clone()>
            <a
                class="sw-article-title"
                href=article.url.clone()
                target="_blank"
                rel="noopener noreferrer"
                aria-describedby={
                    let badge_id = badge_id.clone();
                    move || (!translated()).then(|| badge_id.clone())
                }
            >
                <span lang=language.as_str()>{article.title.clone()}</span>
                <span class="sw-visually-hidden">{move || i18n::after_words(&words.text(id::SELF_HELP_NEW_TAB)())}</span>
                <span aria-hidden="true">" ↗"</span>
            </a>
            {move || (!translated()).then(|| view! { <span class="sw-badge" id=badge_id.clone() lang=other.map(Locale::as_str)>{badge}</span> })}
            <p class="sw-article-summary" lang=language.as_str()>{article.summary.clone()}</p>
        </li>
    }
}
