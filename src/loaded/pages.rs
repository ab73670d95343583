//! The paged form of [`Loaded`](super::Loaded): a list of requests read from
//! the backend a page at a time, the same for the partner's inbox and the
//! user's filed requests. Its first page is read again whenever what `ask`
//! reads changes, the next on "Show more" or "Try again", one request at a
//! time ([`InFlight`]: the page on its way is aborted when another is asked
//! for or the screen goes). Signed in again after a session ended, the
//! list is read again, as every read is, and no caller asks for it.

use std::{future::Future, pin::Pin};

use leptos::prelude::*;
use support_contract::RequestList;
use web_sys::AbortSignal;

use super::InFlight;
use crate::context::SignedInAgain;
use support_rules::{
    paged::{Listed, Paged},
    request::LoadError,
};

/// A page asked for: nothing (`None`) where there is none to ask for, as
/// for a user signed out.
type Ask = Box<dyn Fn(Option<String>, Option<AbortSignal>) -> Option<PageOnItsWay>>;
type PageOnItsWay = Pin<Box<dyn Future<Output = Result<RequestList, LoadError>>>>;
type OnAnswer = Box<dyn Fn(&Answered)>;

/// A page's answer, as the screen hears of it beside the list.
pub struct Answered<'a> {
    pub page: &'a Result<RequestList, LoadError>,
    /// When it was asked for (ms since the epoch).
    pub asked_at: f64,
    /// Asked for by the user ("Show more", "Try again"), who hands the focus
    /// to what it brings; else by the screen.
    pub by_user: bool,
}

/// Where a list's next page stands.
#[derive(Clone, Default, PartialEq)]
pub struct Paging {
    /// A page is on its way.
    pub pending: bool,
    /// Why the last page asked for could not be had.
    pub failed: Option<LoadError>,
    /// There is a page after those shown.
    pub more: bool,
}

/// A list that loads a page at a time.
pub struct LoadedPages<T: 'static> {
    list: RwSignal<Paged<T>>,
    in_flight: InFlight,
    ask: StoredValue<Ask, LocalStorage>,
    answered: StoredValue<Vec<OnAnswer>, LocalStorage>,
}

impl<T> Clone for LoadedPages<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for LoadedPages<T> {}

impl<T: Listed + Send + Sync + 'static> LoadedPages<T> {
    /// The list, as `initial` says at first; `ask` asks for the page
    /// `before` (the first when none) with the signal that aborts it. Its
    /// first page is asked for at once, and again, the pages shown dropped,
    /// whenever a signal `ask` reads for it changes.
    pub fn new<Fut>(
        initial: Paged<T>,
        ask: impl Fn(Option<String>, Option<AbortSignal>) -> Option<Fut> + 'static,
    ) -> Self
    where
        Fut: Future<Output = Result<RequestList, LoadError>> + 'static,
    {
        let ask: Ask = Box::new(move |before, abort| {
            ask(before, abort).map(|page| Box::pin(page) as PageOnItsWay)
        });
        let pages = LoadedPages {
            list: RwSignal::new(initial),
            in_flight: InFlight::new(),
            ask: StoredValue::new_local(ask),
            answered: StoredValue::new_local(Vec::new()),
        };
        // Talks to the backend: the first page of what `ask` reads now.
        Effect::new(move |_| pages.first_page());
        // Signed in again after a session ended: the pages shown stay
        // meanwhile.
        if let Some(again) = SignedInAgain::of_widget() {
            Effect::watch(
                move || again.track(),
                move |_, _, _| pages.read_again(),
                false,
            );
        }
        pages
    }

    /// Also tells `answered` of each page's answer, once the list has it,
    /// after those told before.
    pub fn on_answer(self, answered: impl Fn(&Answered) + 'static) -> Self {
        self.answered
            .update_value(|told| told.push(Box::new(answered)));
        self
    }

    /// The pages loaded so far (a signal).
    pub fn list(self) -> ReadSignal<Paged<T>> {
        self.list.read_only()
    }

    /// Where the next page stands, for a list's footer.
    pub fn paging(self) -> Signal<Paging> {
        let list = self.list;
        Signal::derive(move || {
            list.with(|l| Paging {
                pending: l.pending,
                failed: l.failed.clone(),
                more: l.next.is_some(),
            })
        })
    }

    /// Asks for the page after those shown ("Show more"), or the one that
    /// could not be had ("Try again"); its answer is told as the user's.
    pub fn more(self) {
        let (before, by_user) = self
            .list
            .with_untracked(|l| (l.next.clone(), l.next.is_some() || l.failed.is_some()));
        untrack(|| self.ask(before, by_user));
    }

    /// The first page again, in place of the pages shown once it comes;
    /// they stay meanwhile. Nothing while a page is on its way or the list
    /// could not be had.
    pub fn refresh(self) {
        if self
            .list
            .with_untracked(|l| l.pending || l.failed.is_some())
        {
            return;
        }
        let list = self.list;
        let asked_at = js_sys::Date::now();
        self.in_flight.start(
            |abort| self.ask.with_value(|ask| ask(None, abort)),
            move |page: Result<RequestList, LoadError>| {
                if let Ok(page) = &page {
                    list.set(Paged::default().with_page(page));
                }
                self.tell(&Answered {
                    page: &page,
                    asked_at,
                    by_user: false,
                });
            },
        );
    }

    /// The pages shown dropped, the first asked for (tracked). A failure it
    /// replaces is told as the user's, as its "Try again" would have been.
    fn first_page(self) {
        let failed = self.list.with_untracked(|l| l.failed.is_some());
        self.list.set(Paged::default());
        self.ask(None, failed);
    }

    /// The page the ended session was refused, asked for again, as its "Try
    /// again" would; else the first page again, in place of those shown.
    fn read_again(self) {
        if self.list.with_untracked(|l| l.failed.is_some()) {
            self.more();
        } else {
            self.refresh();
        }
    }

    fn ask(self, before: Option<String>, by_user: bool) {
        let list = self.list;
        let asked_at = js_sys::Date::now();
        let asking = self.in_flight.start(
            |abort| self.ask.with_value(|ask| ask(before, abort)),
            move |page: Result<RequestList, LoadError>| {
                match &page {
                    Ok(page) => list.update(|l| *l = l.with_page(page)),
                    Err(error) => list.update(|l| *l = l.failing(error.clone())),
                }
                self.tell(&Answered {
                    page: &page,
                    asked_at,
                    by_user,
                });
            },
        );
        if asking {
            list.update(|l| *l = l.asking());
        }
    }

    fn tell(self, answer: &Answered) {
        self.answered.with_value(|told| {
            for answered in told {
                answered(answer);
            }
        });
    }
}
