//! A list of requests read from the backend a page at a time, the same for
//! the partner's inbox and the user's filed requests: the first page again
//! whenever what it reads changes, the next on "Show more" or "Try again",
//! one request at a time ([`InFlight`]: the page on its way is aborted when
//! another is asked for or the screen goes).

use std::{future::Future, pin::Pin};

use leptos::prelude::*;
use support_contract::{RequestList, StoredRequest};
use web_sys::AbortSignal;

use super::{page_focus, retry_button, Paging};
use crate::{
    context::{Host, SignedInAgain},
    live::Live,
    loaded::InFlight,
};
use support_rules::{filed_requests::AccountList, request::LoadError};

/// What a list holds of its pages, and where its next page stands.
pub trait PagedList: Clone + Default + Send + Sync + 'static {
    /// The `before` of the next page, while there is one.
    fn next(&self) -> Option<String>;
    fn pending(&self) -> bool;
    fn failed(&self) -> Option<LoadError>;
    /// The list with a page on its way.
    fn asking(&self) -> Self;
    /// The list with the page it asked for, which could not be had.
    fn failing(&self, error: LoadError) -> Self;
    /// The list with `page`, the answer for its `next`, below it.
    fn with_page(&self, page: &RequestList) -> Self;
}

/// The requests of the pages loaded so far, in the backend's order (the
/// inbox's).
#[derive(Clone, Default)]
pub struct Pages {
    pub requests: Vec<StoredRequest>,
    next: Option<String>,
    pending: bool,
    failed: Option<LoadError>,
}

impl PagedList for Pages {
    fn next(&self) -> Option<String> {
        self.next.clone()
    }

    fn pending(&self) -> bool {
        self.pending
    }

    fn failed(&self) -> Option<LoadError> {
        self.failed.clone()
    }

    fn asking(&self) -> Pages {
        Pages {
            pending: true,
            failed: None,
            ..self.clone()
        }
    }

    fn failing(&self, error: LoadError) -> Pages {
        Pages {
            pending: false,
            failed: Some(error),
            ..self.clone()
        }
    }

    fn with_page(&self, page: &RequestList) -> Pages {
        let mut requests = self.requests.clone();
        requests.extend(page.requests.iter().cloned());
        Pages {
            requests,
            next: page.next.clone(),
            pending: false,
            failed: None,
        }
    }
}

impl PagedList for AccountList {
    fn next(&self) -> Option<String> {
        self.next.clone()
    }

    fn pending(&self) -> bool {
        self.pending
    }

    fn failed(&self) -> Option<LoadError> {
        self.failed.clone()
    }

    fn asking(&self) -> AccountList {
        AccountList::asking(self)
    }

    fn failing(&self, error: LoadError) -> AccountList {
        AccountList::failing(self, error)
    }

    fn with_page(&self, page: &RequestList) -> AccountList {
        AccountList::with_page(self, page)
    }
}

/// A page asked for: nothing (`None`) where there is none to ask for, as
/// for a user signed out.
type Ask = Box<dyn Fn(Option<String>, Option<AbortSignal>) -> Option<PageOnItsWay>>;
type PageOnItsWay = Pin<Box<dyn Future<Output = Result<RequestList, LoadError>>>>;
type OnAnswer = Box<dyn Fn(Answered)>;

/// A page's answer, as the screen hears of it beside the list.
pub struct Answered<'a> {
    pub page: &'a Result<RequestList, LoadError>,
    /// When it was asked for (ms since the epoch).
    pub asked_at: f64,
    /// Asked for by the user ("Show more", "Try again"), who hands the focus
    /// to what it brings; else by the screen.
    pub by_user: bool,
}

/// A list that loads a page at a time.
pub struct Pager<L: 'static> {
    pub list: RwSignal<L>,
    in_flight: InFlight,
    ask: StoredValue<Ask, LocalStorage>,
    answered: StoredValue<OnAnswer, LocalStorage>,
    /// The prefix of the list's test ids, and its items' test id.
    names: (&'static str, &'static str),
    host: Host,
}

impl<L> Clone for Pager<L> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<L> Copy for Pager<L> {}

impl<L: PagedList> Pager<L> {
    /// The list `list` (the prefix of its test ids, [`super::PageFooter`]),
    /// whose items' test id is `item`, as `initial` says at first; `ask`
    /// asks for the page `before` (the first when none) with the signal that
    /// aborts it. Its first page is asked for at once, and again, the pages
    /// shown dropped, whenever a signal `ask` reads for it changes.
    pub fn new<Fut>(
        list: &'static str,
        item: &'static str,
        initial: L,
        ask: impl Fn(Option<String>, Option<AbortSignal>) -> Option<Fut> + 'static,
    ) -> Self
    where
        Fut: Future<Output = Result<RequestList, LoadError>> + 'static,
    {
        let ask: Ask = Box::new(move |before, abort| {
            ask(before, abort).map(|page| Box::pin(page) as PageOnItsWay)
        });
        let pager = Pager {
            list: RwSignal::new(initial),
            in_flight: InFlight::new(),
            ask: StoredValue::new_local(ask),
            answered: StoredValue::new_local(Box::new(|_: Answered| {}) as OnAnswer),
            names: (list, item),
            host: expect_context(),
        };
        // Talks to the backend: the first page of what `ask` reads now.
        Effect::new(move |_| pager.first_page());
        // Signed in again after a session ended, the list is read again, as
        // every read is (`Loaded`), and the pages shown stay meanwhile.
        if let Some(again) = SignedInAgain::of_widget() {
            Effect::new(move |prev: Option<()>| {
                again.track();
                if prev.is_some() {
                    untrack(|| pager.read_again());
                }
            });
        }
        // A change heard live: the first page again, the list shown until it
        // comes (`Live`).
        let live = expect_context::<Live>();
        Effect::new(move |prev: Option<()>| {
            live.heard.track();
            if prev.is_some() {
                untrack(|| pager.refresh());
            }
        });
        pager
    }

    /// Also tells `answered` of each page's answer, once the list has it.
    pub fn on_answer(self, answered: impl Fn(Answered) + 'static) -> Self {
        self.answered.set_value(Box::new(answered));
        self
    }

    /// The pages shown dropped, the first asked for (tracked). A failure it
    /// replaces leaves the focus to the first page, as its "Try again" would
    /// have.
    fn first_page(self) {
        let failed = self.list.with_untracked(|l| l.failed().is_some());
        self.list.set(L::default());
        self.ask(None, failed);
    }

    /// The first page again, in place of the pages shown once it comes;
    /// they stay meanwhile, and focus stays where it is. Nothing while a
    /// page is on its way or the list could not be had.
    fn refresh(self) {
        if self
            .list
            .with_untracked(|l| l.pending() || l.failed().is_some())
        {
            return;
        }
        let list = self.list;
        let asked_at = js_sys::Date::now();
        self.in_flight.start(
            |abort| self.ask.with_value(|ask| ask(None, abort)),
            move |page: Result<RequestList, LoadError>| {
                if let Ok(page) = &page {
                    list.set(L::default().with_page(page));
                }
                self.answered.with_value(|answered| {
                    answered(Answered {
                        page: &page,
                        asked_at,
                        by_user: false,
                    })
                });
            },
        );
    }

    /// The page the ended session was refused, asked for again, as its "Try
    /// again" would; else the first page again, in place of those shown.
    fn read_again(self) {
        if self.list.with_untracked(|l| l.failed().is_some()) {
            self.more();
        } else {
            self.refresh();
        }
    }

    /// Asks for the page after those shown ("Show more"), or the one that
    /// could not be had ("Try again"), and leaves the focus to it: on the
    /// first request it brought, or on its failure's "Try again".
    pub fn more(self) {
        let (before, by_user) = self
            .list
            .with_untracked(|l| (l.next(), l.next().is_some() || l.failed().is_some()));
        untrack(|| self.ask(before, by_user));
    }

    fn ask(self, before: Option<String>, by_user: bool) {
        let Pager {
            list,
            names: (name, item),
            host,
            ..
        } = self;
        let asked_at = js_sys::Date::now();
        let asking = self.in_flight.start(
            |abort| self.ask.with_value(|ask| ask(before, abort)),
            move |page: Result<RequestList, LoadError>| {
                let focus = match &page {
                    Ok(page) => {
                        list.update(|l| *l = l.with_page(page));
                        page_focus(item, &page.requests)
                    }
                    Err(error) => {
                        list.update(|l| *l = l.failing(error.clone()));
                        retry_button(name)
                    }
                };
                if by_user {
                    host.focus_when_drawn_if_lost(&focus);
                }
                self.answered.with_value(|answered| {
                    answered(Answered {
                        page: &page,
                        asked_at,
                        by_user,
                    })
                });
            },
        );
        if asking {
            list.update(|l| *l = l.asking());
        }
    }

    /// Where the next page stands, for [`super::PageFooter`].
    pub fn paging(self) -> Signal<Paging> {
        let list = self.list;
        Signal::derive(move || {
            list.with(|l| Paging {
                pending: l.pending(),
                failed: l.failed(),
                more: l.next().is_some(),
            })
        })
    }
}
