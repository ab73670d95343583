//! Which screen follows which: the partner's journey through the widget as a
//! plain state machine. Components only send it events.

use serde::{Deserialize, Serialize};
use support_contract::{Attachment, Customer, CustomerRef, Service};

use crate::{
    drafts::DraftSubject,
    escalation::{Guide, GuideAnswer, GuideStep},
    request_fields::CustomerContext,
};

/// The screens of the partner audience.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    /// What can we help with: the choice of flows.
    #[default]
    Home,
    /// The partner's own problem with Partner Center.
    PartnerCenterRequest,
    /// Find the customer the request is for.
    CustomerSearch,
    /// Which of the customer's services needs help.
    ServiceChoice,
    /// Try the customer's admin center before anything is escalated.
    SelfHelp,
    /// The admin center solved it: nothing is filed.
    Solved,
    /// The escalation guide, one of its steps at a time (`Journey::guide`):
    /// service health, troubleshooting, and whether it is a kind of problem
    /// to hand off to 21Vianet.
    Escalation,
    /// The service request, for the customer and service chosen, escalated
    /// as the guide decided.
    CustomerRequest,
    /// The requests filed from this device.
    FiledRequests,
    /// One filed request's status (`Journey::status_of`).
    RequestStatus,
    /// The messages the partner's customers sent it, open or resolved.
    Inbox,
}

/// The customer's message a request on its behalf escalates: the request
/// names it (`related_request`), its form begins with the message's words
/// and files, and the way back leads to it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Escalating {
    /// The message's id.
    pub id: String,
    pub title: String,
    pub description: String,
    pub attachments: Vec<Attachment>,
    /// The screen the escalation began on, where Back leads back to the
    /// message (not kept for a reload: Back then goes as by hand).
    #[serde(skip)]
    pub entry: Option<Screen>,
}

/// Something the user did that may move the journey on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    OpenPartnerCenterRequest,
    /// A problem one of the partner's customers has: the one path to a
    /// request on its behalf, which is the escalation to 21Vianet.
    OpenCustomerRequest,
    PickCustomer(Customer),
    PickService(Service),
    StillNeedsHelp,
    Solved,
    /// An answer to the escalation guide.
    Guide(GuideAnswer),
    OpenFiledRequests,
    /// The customers' messages.
    OpenInbox,
    /// The inbox shows the messages still open, or those resolved.
    ShowInbox {
        resolved: bool,
    },
    /// "Escalate to 21Vianet" on a customer's message: the one path to a
    /// request on its behalf, with the customer and service the message
    /// names already chosen (each `None` where it names none, or one the
    /// partner's catalogue does not have: it is chosen on the way).
    Escalate {
        message: Escalating,
        customer: Option<Customer>,
        service: Option<Service>,
    },
    /// Back from an escalation to the message it started from: the guide
    /// ended with nothing to escalate, or the escalation was filed.
    BackToMessage,
    /// Back to the customer request a draft was kept for, with its customer
    /// and service, and the escalation guide's decision (a draft without
    /// one goes through the guide first).
    ResumeCustomerRequest(DraftSubject),
    /// A request on behalf of this customer, for this service, was filed:
    /// the guide's answers were that request's, and a new problem of the
    /// same customer and service is checked from the start (unless the
    /// partner is in the guide for it already, answering anew).
    RequestFiled {
        customer: String,
        service: String,
    },
    /// "Submit another request" after a customer request was filed: a new
    /// problem of the same customer and service, which goes through the
    /// admin center and the guide again (their answers were the filed
    /// request's).
    AnotherRequest,
    /// The status of the filed request with this id.
    ViewStatus(String),
    /// The page opened the request with this id (`open("request", id)`, the
    /// `open-request` attribute), from wherever the user was.
    OpenRequest(String),
    Back,
    /// Back from a request's status, told where the request belongs:
    /// `inbox` is `Some(resolved)` for a customer's message that partner
    /// staff read, which their inbox lists among those open or resolved,
    /// and `None` for anything else, which the list of filed requests
    /// holds. From the request the page opened, which no list led to, Back
    /// leads to that list; from any other, as `Back`.
    BackFromStatus {
        inbox: Option<bool>,
    },
    /// Back from a filed customer request's confirmation: its self-help and
    /// the guide's answers can change nothing of it, so back to the
    /// customer's services, to file for another (a new problem: the guide's
    /// decision was the filed request's).
    BackFromFiled,
    Home,
}

/// Where the partner is, and what they chose on the way. Going back keeps
/// every choice, so going forward again needs none of them repeated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Journey {
    pub screen: Screen,
    pub customer: Option<Customer>,
    pub service: Option<Service>,
    pub guide: Guide,
    /// The request whose status is shown (or was, until the list of filed
    /// requests is opened from home), and the screen it was opened from.
    pub status_of: Option<String>,
    pub status_from: Screen,
    /// The request whose note led to the one shown (an escalation and the
    /// customer's message it began as lead to each other): Back returns to
    /// it, and from there to `status_from`.
    pub status_back: Option<String>,
    /// The request the page opened (`Step::OpenRequest`), while its status,
    /// or that of a request its notes lead to, is shown.
    pub opened: Option<String>,
    /// How many times the partner has left home (for a flow, the filed
    /// requests or a status). A form filed in an earlier visit begins anew
    /// when it is shown again, so that no flow opens on another request's
    /// confirmation.
    pub visit: u32,
    /// The customer the page prefilled (`prefill`): a journey started again
    /// starts with it, as the page's first did.
    pub page_customer: Option<Customer>,
    /// How many times the journey has started again ("Start again" at the
    /// end of a flow where nothing was filed).
    pub restarts: u32,
    /// The customer's message being escalated, from "Escalate to 21Vianet"
    /// until the escalation is filed or the partner goes home.
    pub escalating: Option<Escalating>,
    /// Whether the inbox shows the messages resolved rather than those
    /// still open (kept while the partner reads one of them).
    pub inbox_resolved: bool,
}

impl Journey {
    /// The journey after `step`; a step that makes no sense where the user is
    /// (a stale click, say) leaves it as it is.
    pub fn after(&self, step: Step) -> Journey {
        let mut next = self.moved(step);
        // The guide's last step is the request itself, with nothing of its
        // own to show: a guide found again another way (home, then the same
        // customer and service) shows its last question, answered as it was.
        if next.screen == Screen::Escalation && next.guide.step == GuideStep::Proceed {
            next.guide = next.guide.after(GuideAnswer::Back);
        }
        // Home, however reached, ends an escalation of a customer's request:
        // a request started from there is filed by hand.
        if next.screen == Screen::Home {
            next.escalating = None;
        }
        // The request the page opened is one only while its status shows.
        if next.screen != Screen::RequestStatus {
            next.opened = None;
        }
        let left_home = self.screen == Screen::Home && next.screen != Screen::Home;
        next.visit = self.visit.wrapping_add(u32::from(left_home));
        next
    }

    fn moved(&self, step: Step) -> Journey {
        use Screen::*;
        let mut next = self.clone();
        match (self.screen, step) {
            (Home, Step::OpenPartnerCenterRequest) => next.screen = PartnerCenterRequest,
            (Home, Step::OpenInbox) => {
                next.screen = Inbox;
                next.inbox_resolved = false;
                next.status_of = None;
            }
            (Inbox, Step::ShowInbox { resolved }) => next.inbox_resolved = resolved,
            (
                RequestStatus,
                Step::Escalate {
                    message,
                    customer,
                    service,
                },
            ) => {
                next.guide = Guide::default();
                next.screen = match (&customer, &service) {
                    (Some(_), Some(_)) => SelfHelp,
                    (Some(_), None) => ServiceChoice,
                    _ => CustomerSearch,
                };
                next.service = service.filter(|_| customer.is_some());
                next.customer = customer;
                next.escalating = Some(Escalating {
                    entry: Some(next.screen),
                    ..message
                });
            }
            (_, Step::BackToMessage) => {
                let Some(escalating) = self.escalating.clone() else {
                    return next;
                };
                next.guide = Guide::default();
                next.escalating = None;
                next.status_of = Some(escalating.id);
                next.status_from = Inbox;
                next.status_back = None;
                next.screen = RequestStatus;
            }
            (Home, Step::OpenCustomerRequest) => next.screen = CustomerSearch,
            (CustomerSearch, Step::PickCustomer(customer)) => {
                // Another customer's services and admin center are another
                // matter: the service is chosen again.
                if self.customer.as_ref().map(|c| &c.id) != Some(&customer.id) {
                    next.service = None;
                    next.guide = Guide::default();
                }
                next.customer = Some(customer);
                next.screen = ServiceChoice;
            }
            (ServiceChoice, Step::PickService(service)) if self.customer.is_some() => {
                // Another service's health is another matter, too.
                if self.service.as_ref().map(|s| &s.id) != Some(&service.id) {
                    next.guide = Guide::default();
                }
                next.service = Some(service);
                next.screen = SelfHelp;
            }
            (SelfHelp, Step::StillNeedsHelp) if self.service.is_some() => next.screen = Escalation,
            (SelfHelp, Step::Solved) => next.screen = Solved,
            (Escalation, Step::Back) => return self.moved(Step::Guide(GuideAnswer::Back)),
            (Escalation, Step::Guide(answer)) => {
                if answer == GuideAnswer::Back && self.guide.step == GuideStep::ServiceHealth {
                    next.screen = SelfHelp;
                } else {
                    next.guide = self.guide.after(answer);
                    if next.guide.step == GuideStep::Proceed {
                        next.screen = CustomerRequest;
                    }
                }
            }
            (CustomerRequest, Step::Back) => {
                next.guide = self.guide.after(GuideAnswer::Back);
                next.screen = Escalation;
            }
            // Back from an escalation's first screen, or from its filed
            // request, is back to the customer's request it began from.
            (screen, Step::Back)
                if self
                    .escalating
                    .as_ref()
                    .is_some_and(|e| e.entry == Some(screen)) =>
            {
                return self.moved(Step::BackToMessage)
            }
            (CustomerRequest, Step::BackFromFiled) if self.escalating.is_some() => {
                return self.moved(Step::BackToMessage)
            }
            (CustomerRequest, Step::BackFromFiled) => {
                next.guide = Guide::default();
                next.escalating = None;
                next.screen = ServiceChoice;
            }
            (screen, Step::RequestFiled { customer, service }) => {
                let same = self.customer.as_ref().is_some_and(|c| c.id == customer)
                    && self.service.as_ref().is_some_and(|s| s.id == service);
                if same && screen != Escalation {
                    next.guide = Guide::default();
                }
            }
            (CustomerRequest, Step::AnotherRequest) => {
                next.guide = Guide::default();
                next.escalating = None;
                next.screen = SelfHelp;
            }
            // The list names the request last viewed only when the user comes
            // back to it from that request's status.
            (Home, Step::OpenFiledRequests) => {
                next.screen = FiledRequests;
                next.status_of = None;
            }
            (Home, Step::ResumeCustomerRequest(subject)) => {
                let guide = subject.escalation.as_ref().and_then(Guide::resumed);
                next.screen = if guide.is_some() {
                    CustomerRequest
                } else {
                    Escalation
                };
                next.guide = guide.unwrap_or_default();
                // An escalation of a customer's request still names it,
                // and leads back to it.
                next.escalating = (subject.related_request).map(|id| Escalating {
                    id,
                    ..Escalating::default()
                });
                next.customer = Some(subject.customer);
                next.service = Some(subject.service);
            }
            (screen, Step::ViewStatus(id)) => {
                if screen == RequestStatus {
                    next.status_back = self.status_of.clone();
                } else {
                    next.status_from = screen;
                    next.status_back = None;
                }
                next.status_of = Some(id);
                next.screen = RequestStatus;
            }
            (_, Step::OpenRequest(id)) => {
                next.screen = RequestStatus;
                next.status_of = Some(id.clone());
                // Whose list it is in is known once it is read
                // (`BackFromStatus`); until then, the requests filed.
                next.status_from = FiledRequests;
                next.status_back = None;
                next.opened = Some(id);
                next.escalating = None;
            }
            (RequestStatus, Step::BackFromStatus { inbox })
                if self.status_back.is_none() && self.opened == self.status_of =>
            {
                match inbox {
                    Some(resolved) => {
                        next.screen = Inbox;
                        next.inbox_resolved = resolved;
                    }
                    None => next.screen = FiledRequests,
                }
            }
            (_, Step::BackFromStatus { .. }) => return self.moved(Step::Back),
            (RequestStatus, Step::Back) => match self.status_back.clone() {
                Some(id) => {
                    next.status_of = Some(id);
                    next.status_back = None;
                }
                None => next.screen = self.status_from,
            },
            (Solved, Step::Home) if self.escalating.is_none() => return self.restart(),
            // The guide's ends where nothing is escalated start afresh.
            (Escalation, Step::Home)
                if self.escalating.is_none()
                    && matches!(
                        self.guide.step,
                        GuideStep::KnownIncident | GuideStep::OwnSupport
                    ) =>
            {
                return self.restart()
            }
            (_, Step::Home) => {
                next.screen = Home;
                next.escalating = None;
            }
            (screen, Step::Back) => next.screen = screen.previous(),
            _ => {}
        }
        next
    }

    /// The journey once the page has prefilled `customer`. The page's
    /// customer again (a page that prefills on every load) changes nothing
    /// chosen, not even another customer the partner picked since. A new
    /// one (the portal moved on to another customer) is as if the partner
    /// picked it: unless it is the one chosen already, its service is chosen
    /// again, the guide starts over, and a screen about the customer before
    /// (its services, self-help, the guide, its request) gives way to the
    /// new customer's services.
    pub fn with_page_customer(&self, customer: Customer) -> Journey {
        let mut next = self.clone();
        next.page_customer = Some(customer.clone());
        let same = |chosen: &Option<Customer>| chosen.as_ref().map(|c| &c.id) == Some(&customer.id);
        if same(&self.page_customer) || same(&self.customer) {
            return next;
        }
        next.customer = Some(customer);
        next.service = None;
        next.guide = Guide::default();
        // The customer's request being escalated was another customer's.
        next.escalating = None;
        if self.screen.is_about_the_customer() {
            next.screen = Screen::ServiceChoice;
        }
        if self.status_from.is_about_the_customer() {
            next.status_from = Screen::ServiceChoice;
        }
        next
    }

    /// The journey once the backend has said that its catalogue holds no
    /// customer `id`, which the page prefilled: a request for it would be
    /// refused when filed. The page's customer goes, and, if it is the one
    /// chosen, so do its service and the guide's answers, and a screen
    /// about it gives way to the customer search, where the partner picks
    /// one. A customer the page has prefilled since, or that the partner
    /// picked, stays.
    pub fn without_unknown_customer(&self, id: &str) -> Journey {
        let named = |customer: &Option<Customer>| customer.as_ref().is_some_and(|c| c.id == id);
        if !named(&self.page_customer) {
            return self.clone();
        }
        let mut next = self.clone();
        next.page_customer = None;
        if !named(&self.customer) {
            return next;
        }
        next.customer = None;
        next.service = None;
        next.guide = Guide::default();
        if self.screen.is_about_the_customer() {
            next.screen = Screen::CustomerSearch;
        }
        if self.status_from.is_about_the_customer() {
            next.status_from = Screen::CustomerSearch;
        }
        next
    }

    /// A journey from home again, with nothing chosen but the page's
    /// customer.
    fn restart(&self) -> Journey {
        Journey {
            customer: self.page_customer.clone(),
            page_customer: self.page_customer.clone(),
            restarts: self.restarts.wrapping_add(1),
            ..Journey::default()
        }
    }

    /// The customer and service a customer request is for, once both are
    /// known, with what the escalation guide decided once it has.
    pub fn context(&self) -> Option<CustomerContext> {
        let customer = self.customer.as_ref()?;
        Some(CustomerContext {
            customer: CustomerRef {
                id: customer.id.clone(),
                name: customer.name.clone(),
            },
            service: self.service.clone()?,
            escalation: self.guide.escalation(),
            related_request: self.escalating.as_ref().map(|e| e.id.clone()),
        })
    }
}

impl Screen {
    /// Whether the screen is about the customer chosen (and its service).
    fn is_about_the_customer(self) -> bool {
        use Screen::*;
        matches!(
            self,
            ServiceChoice | SelfHelp | Solved | Escalation | CustomerRequest
        )
    }

    /// Where "Back" leads, when the journey's choices do not decide it.
    pub fn previous(self) -> Screen {
        use Screen::*;
        match self {
            Home | PartnerCenterRequest | CustomerSearch | FiledRequests | RequestStatus
            | Inbox => Home,
            ServiceChoice => CustomerSearch,
            SelfHelp => ServiceChoice,
            Solved | Escalation => SelfHelp,
            CustomerRequest => Escalation,
        }
    }
}

mod saved;

pub use saved::storage_key;

#[cfg(test)]
mod tests;
